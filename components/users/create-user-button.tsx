"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";

// The form and its checks load when the dialog is first opened, so the users list does not carry them.
const CreateUserDialog = dynamic(() => import("./create-user-dialog").then((m) => m.CreateUserDialog), { ssr: false });

/** "New user", for roles that manage users. */
export function CreateUserButton() {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  return (
    <>
      <Button
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
      >
        New user
      </Button>
      {used && <CreateUserDialog open={open} setOpen={setOpen} />}
    </>
  );
}

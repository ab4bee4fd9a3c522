"use client";

import { MonitorSmartphone } from "lucide-react";
import { signOut } from "@/components/auth/sign-out";
import { FormError } from "@/components/forms/field";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { signOutEverywhere } from "@/lib/actions/accounts";

/** Ends every session of the signed-in account, this one included. */
export function SignOutEverywhereButton() {
  const { run, pending, error } = useAction(signOutEverywhere);
  return (
    <div className="space-y-2">
      <FormError message={error?.message} />
      <Button variant="outline" pending={pending} pendingLabel="Signing out…" onClick={() => run({}, () => signOut({ callbackUrl: "/sign-in?reason=ended" }))}>
        <MonitorSmartphone aria-hidden /> Sign out everywhere
      </Button>
    </div>
  );
}

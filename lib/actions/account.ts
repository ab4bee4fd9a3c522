"use server";

import { z } from "zod";
import { endSessions } from "@/lib/db/queries/accounts";
import { defineAction } from "./define";

// Sign out everywhere: ends every session of the signed-in account, on every device and instance.
export const signOutEverywhere = defineAction({
  name: "account.sign_out_everywhere",
  permission: "data.read",
  input: z.object({}).strict(),
  target: (_input, user) => ({ type: "account", id: user.email }),
  run: async ({ user, db }) => {
    await endSessions(db, user.id);
    return { ended: true };
  },
});

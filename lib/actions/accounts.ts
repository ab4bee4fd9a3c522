"use server";

import * as accounts from "@/lib/accounts/actions";
import { reissueSession } from "@/lib/auth/reissue";
import type { ActionResult } from "./core";
import { defineAction } from "./define";

// Create a console account (admins); returns the one-time password when one was generated.
export const createAccount = defineAction(accounts.createAccount);
// Change an account's role (admins); never leaves the console without an active admin.
export const changeRole = defineAction(accounts.changeRole);
// Disable an account (admins); its sessions end on their next request.
export const disableAccount = defineAction(accounts.disableAccount);
// Re-enable a disabled account (admins).
export const enableAccount = defineAction(accounts.enableAccount);
// Reset another account's password to a one-time one (admins), shown once.
export const resetPassword = defineAction(accounts.resetPassword);
// Sign another account out everywhere (admins).
export const endAccountSessions = defineAction(accounts.endAccountSessions);
// Sign out everywhere: ends every session of the signed-in account, on every device and instance.
export const signOutEverywhere = defineAction(accounts.signOutEverywhere);

const changeOwn = defineAction(accounts.changeOwnPassword);

// Change your own password: every other session ends; this one carries on with the new session version.
export async function changeOwnPassword(raw: unknown): Promise<ActionResult<{ changed: true }>> {
  const result = await changeOwn(raw);
  if (!result.ok) return result;
  await reissueSession(result.data.sessionVersion);
  return { ok: true, data: { changed: true } };
}

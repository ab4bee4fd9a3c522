"use server";

import {
  changeOwnPasswordAction,
  changeRoleAction,
  createAccountAction,
  disableAccountAction,
  enableAccountAction,
  endSessionsAction,
  resetPasswordAction,
} from "@/lib/accounts/definitions";
import { reissueSession } from "@/lib/auth/reissue";
import type { ActionResult } from "./core";
import { defineAction } from "./define";

// Create a console account (admins); returns the one-time password when one was generated.
export const createAccount = defineAction(createAccountAction);
// Change an account's role (admins); never leaves the console without an active admin.
export const changeRole = defineAction(changeRoleAction);
// Disable an account (admins); its sessions end on their next request.
export const disableAccount = defineAction(disableAccountAction);
// Re-enable a disabled account (admins).
export const enableAccount = defineAction(enableAccountAction);
// Reset another account's password to a one-time one (admins), shown once.
export const resetPassword = defineAction(resetPasswordAction);
// Sign another account out everywhere (admins).
export const endAccountSessions = defineAction(endSessionsAction);

const changeOwn = defineAction(changeOwnPasswordAction);

// Change your own password: every other session ends; this one carries on with the new session version.
export async function changeOwnPassword(raw: unknown): Promise<ActionResult<{ changed: true }>> {
  const result = await changeOwn(raw);
  if (!result.ok) return result;
  await reissueSession(result.data.sessionVersion);
  return { ok: true, data: { changed: true } };
}

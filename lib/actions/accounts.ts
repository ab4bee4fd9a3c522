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

// Console accounts (admins only): create, change role, disable, enable, reset password, end sessions.
export const createAccount = defineAction(createAccountAction);
export const changeRole = defineAction(changeRoleAction);
export const disableAccount = defineAction(disableAccountAction);
export const enableAccount = defineAction(enableAccountAction);
export const resetPassword = defineAction(resetPasswordAction);
export const endAccountSessions = defineAction(endSessionsAction);

const changeOwn = defineAction(changeOwnPasswordAction);

// Change your own password: every other session ends; this one carries on with the new session version.
export async function changeOwnPassword(raw: unknown): Promise<ActionResult<{ changed: true }>> {
  const result = await changeOwn(raw);
  if (!result.ok) return result;
  await reissueSession(result.data.sessionVersion);
  return { ok: true, data: { changed: true } };
}

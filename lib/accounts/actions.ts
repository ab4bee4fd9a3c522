import "server-only";
import type { ActionDefinition, AuditTarget } from "@/lib/actions/core";
import { hashPassword, generatePassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { clearLock, recordAttempt } from "@/lib/auth/store";
import { backoffState } from "@/lib/auth/throttle";
import { isUniqueViolation, withLock } from "@/lib/db";
import type { Database } from "@/lib/db";
import { countAdmins, insertAccount, markDisabled, markEnabled, endSessions, findAccount, findForSignIn, setPassword, setRole } from "./store";
import type { AccountDto } from "./store";
import { AppError, FieldError } from "@/lib/errors";
import { byAccountSchema, changePasswordSchema, createAccountSchema, roleInputSchema, signOutEverywhereSchema } from "./schemas";
import { lockKeys } from "@/lib/db/locks";

/** Serializes account changes, so two admins cannot demote or disable the last two admins at once. */
const accountsLockKey = lockKeys.accounts;

/** Audit rows name an account by e-mail (readable), falling back to the id when it does not exist. */
async function accountTarget(db: Database, accountId: string): Promise<AuditTarget> {
  const account = await findAccount(db, accountId);
  return { type: "account", id: account?.email ?? accountId };
}

async function existing(db: Database, accountId: string): Promise<AccountDto> {
  const account = await findAccount(db, accountId);
  if (!account) throw new AppError("not_found", "No console account with that id.", 404);
  return account;
}

/** Refuses a change that would leave no enabled admin. */
async function keepAnAdmin(db: Database, account: AccountDto): Promise<void> {
  if (account.role === "admin" && account.disabledAt === null && (await countAdmins(db)) <= 1) {
    throw new AppError("last_admin", `${account.email} is the only active admin. Make another account admin first.`, 409);
  }
}

const emailTaken = { email: "An account with this e-mail already exists." };

/** Creates a console account; its first password (chosen or generated) must be changed at first sign-in. */
export const createAccount: ActionDefinition<typeof createAccountSchema, { account: AccountDto; oneTimePassword: string | null }> = {
  name: "account.create",
  permission: "accounts.manage",
  input: createAccountSchema,
  target: (input) => ({
    type: "account",
    id: input.email,
    details: { role: input.role, first_sign_in: input.password ? "with a password chosen by the admin" : "with a one-time password" },
  }),
  run: async ({ input, db }) => {
    if (await findForSignIn(db, input.email)) throw new FieldError(emailTaken);
    const oneTimePassword = input.password ? null : generatePassword();
    const passwordHash = await hashPassword(input.password || oneTimePassword || "");
    try {
      const account = await insertAccount(db, { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true });
      return { account, oneTimePassword };
    } catch (err) {
      // Another admin created the same e-mail between the check and the insert.
      if (isUniqueViolation(err)) throw new FieldError(emailTaken);
      throw err;
    }
  },
};

/** Changes an account's role, keeping at least one active admin. */
export const changeRole: ActionDefinition<typeof roleInputSchema, AccountDto> = {
  name: "account.change_role",
  permission: "accounts.manage",
  input: roleInputSchema,
  target: async (input, _user, db) => ({ ...(await accountTarget(db, input.accountId)), details: { role: input.role } }),
  run: ({ input, db }) =>
    withLock(db, accountsLockKey, async (tx) => {
      const account = await existing(tx, input.accountId);
      if (account.role === input.role) return account;
      if (input.role !== "admin") await keepAnAdmin(tx, account);
      return (await setRole(tx, account.id, input.role)) ?? account;
    }),
};

/** Disables another account (never your own, never the last active admin); its sessions end at once. */
export const disableAccount: ActionDefinition<typeof byAccountSchema, AccountDto> = {
  name: "account.disable",
  permission: "accounts.manage",
  input: byAccountSchema,
  target: (input, _user, db) => accountTarget(db, input.accountId),
  run: ({ input, user, db }) =>
    withLock(db, accountsLockKey, async (tx) => {
      if (input.accountId === user.id) throw new AppError("self", "You cannot disable your own account. Ask another admin.", 409);
      const account = await existing(tx, input.accountId);
      if (account.disabledAt) return account;
      await keepAnAdmin(tx, account);
      return (await markDisabled(tx, account.id)) ?? account;
    }),
};

/** Lets a disabled account sign in again. */
export const enableAccount: ActionDefinition<typeof byAccountSchema, AccountDto> = {
  name: "account.enable",
  permission: "accounts.manage",
  input: byAccountSchema,
  target: (input, _user, db) => accountTarget(db, input.accountId),
  run: async ({ input, db }) => {
    const account = await existing(db, input.accountId);
    if (!account.disabledAt) return account;
    return (await markEnabled(db, account.id)) ?? account;
  },
};

/** Gives another account a new one-time password (shown once), ends its sessions and lifts any back-off. */
export const resetPassword: ActionDefinition<typeof byAccountSchema, { oneTimePassword: string }> = {
  name: "account.reset_password",
  permission: "accounts.manage",
  input: byAccountSchema,
  target: (input, _user, db) => accountTarget(db, input.accountId),
  run: async ({ input, user, db }) => {
    if (input.accountId === user.id) throw new AppError("self", "Change your own password from your account page.", 409);
    const account = await existing(db, input.accountId);
    const oneTimePassword = generatePassword();
    await setPassword(db, account.id, await hashPassword(oneTimePassword), true);
    await clearLock(db, account.email);
    return { oneTimePassword };
  },
};

/** Signs an account out everywhere. */
export const endAccountSessions: ActionDefinition<typeof byAccountSchema, { ended: true }> = {
  name: "account.end_sessions",
  permission: "accounts.manage",
  input: byAccountSchema,
  target: (input, _user, db) => accountTarget(db, input.accountId),
  run: async ({ input, db }) => {
    await endSessions(db, (await existing(db, input.accountId)).id);
    return { ended: true };
  },
};

/** Changes your own password after proving the current one; allowed while a one-time password is pending. */
export const changeOwnPassword: ActionDefinition<typeof changePasswordSchema, { sessionVersion: number }> = {
  name: "account.change_password",
  permission: "data.read",
  allowPendingPasswordChange: true,
  input: changePasswordSchema,
  target: (_input, user) => ({ type: "account", id: user.email }),
  run: async ({ input, user, db, meta }) => {
    const backoff = await backoffState(db, user.email, meta.ip);
    if (backoff) {
      const seconds = Math.max(1, Math.ceil((backoff.until.getTime() - Date.now()) / 1000));
      throw new AppError(
        "throttled",
        `Too many wrong passwords. Try again in ${seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`}.`,
        429,
      );
    }
    const account = await findForSignIn(db, user.email);
    if (!account?.passwordHash || !(await verifyPassword(input.current, account.passwordHash))) {
      // Counts towards the sign-in back-off, so this form cannot be used to guess a password.
      await recordAttempt(db, user.email, meta.ip, false);
      throw new FieldError({ current: "That is not your current password." });
    }
    const problem = passwordProblem(input.next);
    if (problem) throw new FieldError({ next: problem });
    const changed = await setPassword(db, account.id, await hashPassword(input.next), false);
    if (!changed) throw new AppError("not_found", "Your account no longer exists.", 404);
    return { sessionVersion: changed.sessionVersion };
  },
};

/** Ends every session of the signed-in account, on every device and instance. */
export const signOutEverywhere: ActionDefinition<typeof signOutEverywhereSchema, { ended: true }> = {
  name: "account.sign_out_everywhere",
  permission: "data.read",
  input: signOutEverywhereSchema,
  target: (_input, user) => ({ type: "account", id: user.email }),
  run: async ({ user, db }) => {
    await endSessions(db, user.id);
    return { ended: true };
  },
};

import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { accounts } from "@/lib/db/schema";
import type { Role } from "@/lib/db/schema";

/** An account as the console shows it: never the password hash. */
const publicColumns = {
  id: accounts.id,
  email: accounts.email,
  name: accounts.name,
  role: accounts.role,
  mustChangePassword: accounts.mustChangePassword,
  disabledAt: accounts.disabledAt,
  sessionVersion: accounts.sessionVersion,
  createdAt: accounts.createdAt,
};
export type AccountDto = { [K in keyof typeof publicColumns]: (typeof accounts.$inferSelect)[K] };

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export async function listAccounts(db: Database): Promise<AccountDto[]> {
  return db.select(publicColumns).from(accounts).orderBy(asc(accounts.email));
}

export async function findAccount(db: Database, id: string): Promise<AccountDto | null> {
  const [row] = await db.select(publicColumns).from(accounts).where(eq(accounts.id, id));
  return row ?? null;
}

/** The account and its hash, for sign-in only. */
export async function findForSignIn(db: Database, email: string) {
  const [row] = await db
    .select({ ...publicColumns, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.email, normalizeEmail(email)));
  return row ?? null;
}

export async function createAccount(
  db: Database,
  input: { email: string; name?: string; role: Role; passwordHash: string | null; mustChangePassword?: boolean },
): Promise<AccountDto> {
  const [row] = await db
    .insert(accounts)
    .values({
      email: normalizeEmail(input.email),
      name: input.name ?? "",
      role: input.role,
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword ?? false,
    })
    .returning(publicColumns);
  if (!row) throw new Error("The account was not created.");
  return row;
}

/** Changes an account and bumps its session version, so open sessions pick the change up or end. */
async function changeAccount(db: Database, id: string, values: Partial<typeof accounts.$inferInsert>): Promise<AccountDto | null> {
  const [row] = await db
    .update(accounts)
    .set({ ...values, sessionVersion: sql`${accounts.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(accounts.id, id))
    .returning(publicColumns);
  return row ?? null;
}

export const setRole = (db: Database, id: string, role: Role) => changeAccount(db, id, { role });
export const disableAccount = (db: Database, id: string) => changeAccount(db, id, { disabledAt: new Date() });
export const enableAccount = (db: Database, id: string) => changeAccount(db, id, { disabledAt: null });
export const setPassword = (db: Database, id: string, passwordHash: string, mustChange: boolean) =>
  changeAccount(db, id, { passwordHash, mustChangePassword: mustChange });
/** "Sign out everywhere": every session issued before now stops working on its next request. */
export const endSessions = (db: Database, id: string) => changeAccount(db, id, {});

/** What each request checks: is the session's version still current, and the account enabled? */
export async function sessionState(
  db: Database,
  id: string,
): Promise<{ email: string; name: string; role: Role; sessionVersion: number; disabled: boolean; mustChangePassword: boolean } | null> {
  const [row] = await db
    .select({ email: accounts.email, name: accounts.name, role: accounts.role, sessionVersion: accounts.sessionVersion, disabledAt: accounts.disabledAt, mustChangePassword: accounts.mustChangePassword })
    .from(accounts)
    .where(eq(accounts.id, id));
  if (!row) return null;
  const { disabledAt, ...rest } = row;
  return { ...rest, disabled: disabledAt !== null };
}

export async function countAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .where(sql`${accounts.role} = 'admin' and ${accounts.disabledAt} is null`);
  return row?.n ?? 0;
}

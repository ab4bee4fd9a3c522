import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
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

export async function insertAccount(
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

export interface SessionState {
  email: string;
  name: string;
  role: Role;
  sessionVersion: number;
  disabled: boolean;
  mustChangePassword: boolean;
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
export const markDisabled = (db: Database, id: string) => changeAccount(db, id, { disabledAt: new Date() });
export const markEnabled = (db: Database, id: string) => changeAccount(db, id, { disabledAt: null });
export const setPassword = (db: Database, id: string, passwordHash: string, mustChange: boolean) =>
  changeAccount(db, id, { passwordHash, mustChangePassword: mustChange });
/** After a single sign-on: a pending one-time password stops working and no longer has to be changed. */
export const retirePendingPassword = (db: Database, id: string) => changeAccount(db, id, { passwordHash: null, mustChangePassword: false });
/** "Sign out everywhere": every session issued before now stops working on its next request. */
export const endSessions = (db: Database, id: string) => changeAccount(db, id, {});

/**
 * Replaces a password's hash with a stronger one of the same password (after a sign-in proved it), only while
 * the stored hash is still the one checked. Not a change of the account: sessions carry on.
 */
export async function upgradePasswordHash(db: Database, id: string, from: string, to: string): Promise<boolean> {
  const rows = await db
    .update(accounts)
    .set({ passwordHash: to })
    .where(and(eq(accounts.id, id), eq(accounts.passwordHash, from)))
    .returning({ id: accounts.id });
  return rows.length > 0;
}

/**
 * What each request checks: is the session's version still current, and the account enabled? Read from the
 * database every time (one query by primary key), never kept in memory: a kept answer is one a change can
 * race, and this one decides who is signed in.
 */
export async function sessionState(db: Database, id: string): Promise<SessionState | null> {
  const [row] = await db
    .select({
      email: accounts.email,
      name: accounts.name,
      role: accounts.role,
      sessionVersion: accounts.sessionVersion,
      disabledAt: accounts.disabledAt,
      mustChangePassword: accounts.mustChangePassword,
    })
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

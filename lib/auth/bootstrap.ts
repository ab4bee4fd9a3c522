import "server-only";
import { appendAudit } from "@/lib/audit/store";
import type { Database } from "@/lib/db";
import { insertAccount, findForSignIn } from "@/lib/accounts/store";
import type { Role } from "./roles";
import type { Settings } from "@/lib/env";
import { hashPassword } from "./password";

export const demoAccounts: { email: string; role: Role; name: string }[] = [
  { email: "admin@showrunner.local", role: "admin", name: "Demo admin" },
  { email: "operator@showrunner.local", role: "operator", name: "Demo operator" },
  { email: "support@showrunner.local", role: "support", name: "Demo support" },
];

/**
 * Accounts that must exist at start-up: the demo accounts in emulator mode only, and in sendbird mode
 * the admin from SHOWRUNNER_ADMIN_EMAIL/PASSWORD when no account has that e-mail yet. Returns who was created.
 */
export async function bootstrapAccounts(db: Database, settings: Pick<Settings, "mode" | "demoPassword" | "bootstrapAdmin">): Promise<string[]> {
  const wanted =
    settings.mode === "emulator"
      ? demoAccounts.map((a) => ({ ...a, password: settings.demoPassword }))
      : settings.bootstrapAdmin
        ? [{ email: settings.bootstrapAdmin.email, role: "admin" as const, name: "", password: settings.bootstrapAdmin.password }]
        : [];
  const created: string[] = [];
  for (const account of wanted) {
    if (await findForSignIn(db, account.email)) continue;
    try {
      const row = await insertAccount(db, { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) });
      await appendAudit(db, {
        actorId: null,
        actorEmail: "system",
        action: "account.bootstrap",
        targetType: "account",
        targetId: row.email,
        outcome: "success",
        details: { role: row.role, mode: settings.mode },
      });
      created.push(row.email);
    } catch (err) {
      // Another instance created it first (unique e-mail): nothing to do.
      if (!(await findForSignIn(db, account.email))) throw err;
    }
  }
  return created;
}

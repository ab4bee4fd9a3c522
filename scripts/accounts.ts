// npm run accounts -- create --email a@b.c --role admin --password-stdin | list | disable --email a@b.c | unlock --email a@b.c
// Manages console accounts from a shell (the first admin on a server). Every change is audited.
import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/store";
import { generatePassword, hashPassword, passwordProblem } from "@/lib/auth/password";
import { clearLock } from "@/lib/auth/store";
import { DataDirError, DatabaseBusyError, openDatabase } from "@/lib/db";
import type { Database } from "@/lib/db";
import { insertAccount, markDisabled, findForSignIn, listAccounts } from "@/lib/accounts/store";
import { roles } from "@/lib/auth/roles";
import { SettingsError, parseSettings } from "@/lib/env";
import { loadSettingsFiles } from "./lib/env-files";

const usage = `Usage:
  npm run accounts -- create --email EMAIL --role admin|operator|support [--name NAME] [--password-stdin]
  npm run accounts -- list
  npm run accounts -- disable --email EMAIL
  npm run accounts -- unlock --email EMAIL   (lifts every sign-in back-off on the account)
Without --password-stdin, create prints a one-time password that must be changed at first sign-in.`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

const actor = () => ({ actorId: null, actorEmail: `cli:${userInfo().username}` });

async function create(db: Database, values: Record<string, string | boolean | undefined>): Promise<void> {
  const email = z.email().safeParse(values.email);
  if (!email.success) throw new UsageError("--email must be an e-mail address.");
  const role = z.enum(roles).safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be one of ${roles.join(", ")}.`);
  if (await findForSignIn(db, email.data)) throw new UsageError(`An account for ${email.data} already exists.`);
  const fromStdin = values["password-stdin"] === true;
  const password = fromStdin ? await readStdin() : generatePassword();
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`The password is not acceptable: ${problem}`);
  const account = await insertAccount(db, {
    email: email.data,
    name: typeof values.name === "string" ? values.name : "",
    role: role.data,
    passwordHash: await hashPassword(password),
    mustChangePassword: !fromStdin,
  });
  await appendAudit(db, {
    ...actor(),
    action: "account.create",
    targetType: "account",
    targetId: account.email,
    outcome: "success",
    details: { role: account.role },
  });
  console.log(`Created ${account.role} ${account.email}.`);
  if (!fromStdin) console.log(`One-time password (shown once; it must be changed at first sign-in): ${password}`);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  if (!["create", "list", "disable", "unlock"].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  const settings = parseSettings(process.env);
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    if (command === "create") await create(database.db, values);
    if (command === "list") {
      for (const a of await listAccounts(database.db)) {
        console.log(`${a.email}\t${a.role}\t${a.disabledAt ? "disabled" : "active"}${a.mustChangePassword ? "\tmust change password" : ""}`);
      }
    }
    if (command === "disable") {
      const found = values.email ? await findForSignIn(database.db, values.email) : null;
      if (!found) throw new UsageError("No account with that --email.");
      await markDisabled(database.db, found.id);
      await appendAudit(database.db, { ...actor(), action: "account.disable", targetType: "account", targetId: found.email, outcome: "success" });
      console.log(`Disabled ${found.email}; its open sessions end on their next request.`);
    }
    if (command === "unlock") {
      const found = values.email ? await findForSignIn(database.db, values.email) : null;
      if (!found) throw new UsageError("No account with that --email.");
      await clearLock(database.db, found.email);
      await appendAudit(database.db, { ...actor(), action: "account.unlock", targetType: "account", targetId: found.email, outcome: "success" });
      console.log(`Lifted every sign-in back-off on ${found.email}; the counts of failed attempts start again.`);
    }
  } finally {
    await database.close();
  }
}

loadSettingsFiles();
try {
  await main();
} catch (err) {
  const badArguments = err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
  if (err instanceof UsageError || err instanceof SettingsError || err instanceof DatabaseBusyError || err instanceof DataDirError || badArguments) {
    console.error(`accounts: ${err.message}`);
    if (err instanceof UsageError) console.error(usage);
    process.exit(1);
  }
  throw err;
}

// npm run db:backup -- --to FILE | npm run db:restore -- --from FILE [--replace]: the embedded database as one
// file. Stop the console first (the embedded database has one process at a time). Postgres: see the README.
import { parseArgs } from "node:util";
import { BackupError, backupEmbedded, restoreEmbedded } from "@/lib/db/backup";
import { DataDirError, DatabaseBusyError } from "@/lib/db";
import { SettingsError, parseSettings } from "@/lib/env";
import { loadSettingsFiles } from "./lib/env-files";

const usage = `Usage:
  npm run db:backup -- --to FILE
  npm run db:restore -- --from FILE [--replace]   (--replace sets the current database aside first)`;

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { to: { type: "string" }, from: { type: "string" }, replace: { type: "boolean", default: false } } });
  loadSettingsFiles();
  const settings = parseSettings(process.env);
  if (settings.databaseUrl) {
    throw new BackupError("This console's data is in Postgres (DATABASE_URL): back it up with pg_dump and restore it with pg_restore (README, Backups).");
  }
  if (command === "backup" && values.to) {
    const { bytes } = await backupEmbedded(settings.dataDir, values.to);
    console.log(`Backed up the embedded database in ${settings.dataDir} to ${values.to} (${(bytes / 1024).toFixed(0)} KB).`);
  } else if (command === "restore" && values.from) {
    const { setAside } = await restoreEmbedded(settings.dataDir, values.from, { replace: values.replace });
    console.log(`Restored ${values.from} into ${settings.dataDir}.${setAside ? ` The database that was there is in ${setAside}.` : ""}`);
  } else {
    console.error(usage);
    process.exit(2);
  }
}

try {
  await main();
} catch (err) {
  const badArguments = err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
  if (err instanceof BackupError || err instanceof SettingsError || err instanceof DatabaseBusyError || err instanceof DataDirError || badArguments) {
    console.error(`db: ${err.message}`);
    if (badArguments) console.error(usage);
    process.exit(1);
  }
  throw err;
}

// npm run db:migrate: applies pending migrations to the configured database (the console also does at start-up).
import { DataDirError, DatabaseBusyError, openDatabase } from "@/lib/db";
import { SettingsError, parseSettings } from "@/lib/env";
import { loadSettingsFiles } from "./lib/env-files";

loadSettingsFiles();

try {
  const settings = parseSettings(process.env);
  const database = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  console.log(`Migrations applied to ${database.kind === "pglite" ? "the embedded database" : "Postgres"} at ${database.location}.`);
  await database.close();
} catch (err) {
  if (err instanceof SettingsError || err instanceof DatabaseBusyError || err instanceof DataDirError) {
    console.error(`db:migrate: ${err.message}`);
    process.exit(1);
  }
  throw err;
}

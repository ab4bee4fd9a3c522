import "server-only";
import { bootstrapAccounts } from "@/lib/auth/bootstrap";
import { settings } from "@/lib/env";
import { openDatabase } from "./index";
import type { Database, OpenDatabase } from "./index";

const holder = globalThis as unknown as { showrunnerDatabase?: Promise<OpenDatabase> };

/** This process's database, opened (and migrated, and the start-up accounts made) once. */
export async function database(): Promise<Database> {
  holder.showrunnerDatabase ??= (async () => {
    const s = settings();
    const opened = await openDatabase({ databaseUrl: s.databaseUrl, dataDir: s.dataDir });
    await bootstrapAccounts(opened.db, s);
    return opened;
  })();
  try {
    return (await holder.showrunnerDatabase).db;
  } catch (err) {
    holder.showrunnerDatabase = undefined;
    throw err;
  }
}

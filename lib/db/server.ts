import "server-only";
import { settings } from "@/lib/env";
import { openDatabase } from "./index";
import type { Database, OpenDatabase } from "./index";

const holder = globalThis as unknown as { showrunnerDatabase?: Promise<OpenDatabase> };

/** This process's database, opened (and migrated) once; instrumentation.ts makes the start-up accounts. */
export async function database(): Promise<Database> {
  holder.showrunnerDatabase ??= (async () => {
    const s = settings();
    return openDatabase({ databaseUrl: s.databaseUrl, dataDir: s.dataDir });
  })();
  try {
    return (await holder.showrunnerDatabase).db;
  } catch (err) {
    holder.showrunnerDatabase = undefined;
    throw err;
  }
}

/** The database, or null when it cannot be opened: for pages that still show Sendbird's data without it. */
export function databaseOrNull(): Promise<Database | null> {
  return database().catch(() => null);
}

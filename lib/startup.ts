// What a console server does once as it starts (Node.js only; instrumentation.ts imports it on that runtime
// alone, so the Edge build never sees process.exit or the database): a bad setting, or a data directory other
// users can write, stops it here with one line that says what to fix. Then the start-up accounts are made
// (the first admin; the demo accounts in emulator mode), and the activity sync (the crawl of live events and
// the audience sampler) and alerting (judged after each sample) start in the background.
import { bootstrapAccounts } from "@/lib/auth/bootstrap";
import { DataDirError, prepareDataDirFor } from "@/lib/db/data-dir";
import { database } from "@/lib/db/server";
import { SettingsError, settings } from "@/lib/env";
import type { Settings } from "@/lib/env";
import { keepStarting } from "@/lib/activity/start-state";
import { taskLog } from "@/lib/observability/log";

export async function startConsole(): Promise<void> {
  let config: Settings;
  try {
    config = settings();
    prepareDataDirFor(config);
  } catch (err) {
    if (err instanceof SettingsError || err instanceof DataDirError) {
      console.error(`showrunner: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  await bootstrapAccounts(await database(), config);
  if (config.sampleIntervalS > 0 || config.syncIntervalS > 0) {
    void keepStarting(() => startSync(config), { log: taskLog });
  }
}

const started = globalThis as typeof globalThis & { showrunnerSync?: boolean };

/** Starts the activity sync once per process, even if register() runs again. */
async function startSync(config: Pick<Settings, "sampleIntervalS" | "syncIntervalS" | "activityWindowDays">) {
  if (started.showrunnerSync) return;
  started.showrunnerSync = true;
  try {
    const [{ sendbird }, { startActivitySync }, { startAlerting }, { alertRuntime }] = await Promise.all([
      import("@/lib/sendbird/server"),
      import("@/lib/activity/sync"),
      import("@/lib/alerts/loop"),
      import("@/lib/alerts/runtime"),
    ]);
    const db = await database();
    const client = sendbird();
    const alerting = startAlerting({
      db,
      client,
      runtime: alertRuntime(),
      sampleIntervalMs: config.sampleIntervalS * 1000,
      syncEnabled: config.syncIntervalS > 0,
    });
    startActivitySync({
      db,
      client,
      afterSample: alerting.afterSample,
      sampleIntervalMs: config.sampleIntervalS * 1000,
      syncIntervalMs: config.syncIntervalS * 1000,
      windowMs: config.activityWindowDays * 86_400_000,
    });
  } catch (err) {
    started.showrunnerSync = false;
    throw err;
  }
}

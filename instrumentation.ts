// Runs once when a console server starts, before it serves: a bad setting, or a data directory other users
// can write, stops it here with one line that says what to fix. Then the start-up accounts are made (the
// first admin; the demo accounts in emulator mode), and the activity sync (the crawl of live events and the audience sampler) starts in the background.
// Server modules are imported inside register() so that only a starting server (never the build) opens
// the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ SettingsError, settings }, { DataDirError, prepareDataDirFor }] = await Promise.all([import("@/lib/env"), import("@/lib/db/data-dir")]);
  let config: ReturnType<typeof settings>;
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
  const [{ database }, { bootstrapAccounts }] = await Promise.all([import("@/lib/db/server"), import("@/lib/auth/bootstrap")]);
  await bootstrapAccounts(await database(), config);
  if (config.sampleIntervalS > 0 || config.syncIntervalS > 0) {
    startSync(config).catch((err: unknown) => {
      console.error(`showrunner: the activity sync did not start: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

const started = globalThis as typeof globalThis & { showrunnerSync?: boolean };

/** Starts the activity sync once per process, even if register() runs again. */
async function startSync(config: { sampleIntervalS: number; syncIntervalS: number; activityWindowDays: number }) {
  if (started.showrunnerSync) return;
  started.showrunnerSync = true;
  try {
    const [{ database }, { sendbird }, { startActivitySync }] = await Promise.all([
      import("@/lib/db/server"),
      import("@/lib/sendbird/server"),
      import("@/lib/activity/sync"),
    ]);
    startActivitySync({
      db: await database(),
      client: sendbird(),
      sampleIntervalMs: config.sampleIntervalS * 1000,
      syncIntervalMs: config.syncIntervalS * 1000,
      windowMs: config.activityWindowDays * 86_400_000,
    });
  } catch (err) {
    started.showrunnerSync = false;
    throw err;
  }
}

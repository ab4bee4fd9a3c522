// Runs once when a console server starts: a bad setting stops it here, with one line naming the variable.
// Then the audience sampler starts in the background. Server modules are imported inside register() so
// that only a starting server (never the build) opens the database.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { SettingsError, settings } = await import("@/lib/env");
  let intervalS: number;
  try {
    intervalS = settings().sampleIntervalS;
  } catch (err) {
    if (err instanceof SettingsError) {
      console.error(`showrunner: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (intervalS > 0) {
    startAudienceSampling(intervalS * 1000).catch((err: unknown) => {
      console.error(`showrunner: audience sampling did not start: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

const started = globalThis as typeof globalThis & { showrunnerSampler?: boolean };

/** Samples on-air audiences for the event pages' curves; once per process, even if register() runs again. */
async function startAudienceSampling(intervalMs: number) {
  if (started.showrunnerSampler) return;
  started.showrunnerSampler = true;
  try {
    const [{ database }, { sendbird }, { startSampler }] = await Promise.all([import("@/lib/db/server"), import("@/lib/sendbird/server"), import("@/lib/activity/sampler")]);
    startSampler({ db: await database(), client: sendbird(), intervalMs });
  } catch (err) {
    started.showrunnerSampler = false;
    throw err;
  }
}

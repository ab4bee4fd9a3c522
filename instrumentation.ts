// Runs once when a console server starts: a bad setting stops it here, with one line naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { SettingsError, settings } = await import("@/lib/env");
  try {
    settings();
  } catch (err) {
    if (err instanceof SettingsError) {
      console.error(`showrunner: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}

// A CommonJS bundle whose names Node cannot list for an ES import: take its exports whole.
import nextEnv from "@next/env";

/**
 * Loads the settings files Next.js reads, in its order (`.env.production.local`, `.env.local`,
 * `.env.production`, `.env`; the test ones under NODE_ENV=test), into process.env before anything reads it,
 * so the launcher, the server and every command see the same settings. A variable already in the environment
 * wins over every file. Returns the files read, nearest first.
 */
export function loadSettingsFiles(dir = process.cwd()): string[] {
  const quiet = { info: () => undefined, error: (...args: unknown[]) => console.error("showrunner:", ...args) };
  return nextEnv.loadEnvConfig(dir, false, quiet, true).loadedEnvFiles.map((f) => f.path);
}

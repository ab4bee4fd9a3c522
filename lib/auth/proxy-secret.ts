// No "server-only" marker: proxy.ts imports it, and the proxy bundle is not built with the react-server
// condition that marker needs. It is never imported by a client component.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

let cached: string | undefined;

/**
 * The session secret as the proxy reads it: NEXTAUTH_SECRET, or the one the console generated in the
 * data directory (lib/auth/secret.ts writes it before any session exists). Empty until then, so no
 * token verifies and everyone is sent to sign in.
 */
export function proxySecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return (cached = fromEnv);
  // The data directory is a setting, not a build input: the ignore comment keeps the build from tracing the whole project for it.
  const file = join(resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR?.trim() || "./.data"), "nextauth-secret");
  if (!existsSync(file)) return "";
  const kept = readFileSync(file, "utf8").trim();
  if (kept.length >= 32) cached = kept;
  return kept;
}

import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Settings } from "@/lib/env";

/**
 * The secret that signs session cookies: NEXTAUTH_SECRET when set (required in sendbird mode); in
 * emulator mode one is generated once and kept in the data directory (readable by its owner only).
 */
export function sessionSecret(settings: Pick<Settings, "nextAuthSecret" | "dataDir" | "mode">): string {
  if (settings.nextAuthSecret) return settings.nextAuthSecret;
  if (settings.mode === "sendbird") throw new Error("NEXTAUTH_SECRET is required in sendbird mode.");
  const dir = resolve(settings.dataDir);
  const file = join(dir, "nextauth-secret");
  if (existsSync(file)) {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

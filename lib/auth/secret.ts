import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { prepareDataDir } from "@/lib/db/data-dir";
import type { Settings } from "@/lib/env";

/**
 * The secret that signs session cookies: NEXTAUTH_SECRET when set (required in sendbird mode); in
 * emulator mode one is generated once and kept in the data directory (readable by its owner only).
 */
export function sessionSecret(settings: Pick<Settings, "nextAuthSecret" | "dataDir" | "mode">): string {
  if (settings.nextAuthSecret) return settings.nextAuthSecret;
  const dir = resolve(settings.dataDir);
  // Read once per data directory: it is written once and never changes while the console runs.
  let secret = kept.get(dir);
  if (!secret) {
    secret = loadOrCreate(dir, settings.mode);
    kept.set(dir, secret);
  }
  return secret;
}

const kept = new Map<string, string>();

function loadOrCreate(dir: string, mode: Settings["mode"]): string {
  if (mode === "sendbird") throw new Error("NEXTAUTH_SECRET is required in sendbird mode.");
  const file = join(dir, "nextauth-secret");
  if (existsSync(file)) {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  }
  prepareDataDir(dir);
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { sessionSecret } from "@/lib/auth/secret";
import type { Settings } from "@/lib/env";

// Alert channels' secrets (a Slack webhook address, a signing secret, an SMTP password) are kept encrypted
// with AES-256-GCM, so a copy of the database or a backup does not hand them out.

const version = "v1";

/**
 * The 32-byte key: derived from SHOWRUNNER_ALERTS_KEY when set, else from the session secret (NEXTAUTH_SECRET,
 * or the one kept in the data directory in emulator mode), with a purpose of its own so it is never the
 * session key itself. Changing the source makes stored secrets unreadable; the channels then say so.
 */
export function channelKey(config: Pick<Settings, "alertsKey" | "nextAuthSecret" | "dataDir" | "mode">): Buffer {
  const source = config.alertsKey ?? sessionSecret(config);
  return Buffer.from(hkdfSync("sha256", source, "showrunner", "alert channel secrets", 32));
}

/** Encrypts a channel's secret parts (as JSON). */
export function sealSecret(key: Buffer, value: Record<string, string>): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return `${version}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export class UnreadableSecretError extends Error {
  constructor() {
    super("This channel's secret cannot be read with the current key (SHOWRUNNER_ALERTS_KEY or the session secret changed). Enter it again.");
    this.name = "UnreadableSecretError";
  }
}

/** Decrypts what `sealSecret` made; throws UnreadableSecretError when the key differs or the text was changed. */
export function openSecret(key: Buffer, sealed: string): Record<string, string> {
  const [v, data] = sealed.split(":");
  if (v !== version || !data) throw new UnreadableSecretError();
  const raw = Buffer.from(data, "base64url");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== "object") throw new UnreadableSecretError();
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    throw new UnreadableSecretError();
  }
}

/** A secret as the page shows it: its kind of start and its last four characters, never more. */
export function mask(secret: string, keepStart = 0): string {
  const last4 = secret.length > 8 ? secret.slice(-4) : "";
  const start = keepStart > 0 && secret.length > keepStart + 8 ? secret.slice(0, keepStart) : "";
  return `${start}••••${last4}`;
}

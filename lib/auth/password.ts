import "server-only";
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { ScryptOptions } from "node:crypto";
import { hash, parseOptions, verify } from "@node-rs/argon2";
import type { Algorithm, Options } from "@node-rs/argon2";

/**
 * Argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): a few tens of milliseconds a
 * check, and little memory, so the sign-in admission gate's few checks at once cost little. The package's
 * Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
 */
export const passwordHashing = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 } satisfies Options;

/** Older hashes, `scrypt$N$r$p$salt$hash` (base64url), still verify; a sign-in upgrades them. */
const scryptMaxmem = 64 * 1024 * 1024;

function deriveScrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password as an Argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`), its parameters inside. */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), passwordHashing);
}

/** Checks a password against a stored hash (Argon2id, or an older scrypt one) in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const normalized = password.normalize("NFKC");
  if (stored.startsWith("$argon2")) return verify(stored, normalized).catch(() => false);
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const derived = await deriveScrypt(normalized, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p), maxmem: scryptMaxmem });
  return derived.length === expected.length && timingSafeEqual(derived, expected);
}

/** Whether a stored hash is weaker than today's setting (scrypt, or Argon2 with other parameters): re-hash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith("$argon2id$")) return true;
  try {
    const o = parseOptions(stored);
    return o.memoryCost !== passwordHashing.memoryCost || o.timeCost !== passwordHashing.timeCost || o.parallelism !== passwordHashing.parallelism;
  } catch {
    return true;
  }
}

/** A dummy hash to verify against when the e-mail is unknown, so timing does not reveal which e-mails exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString("hex"));
  return dummy;
}

/** A one-time password an admin can read out: 4 groups of 4 letters and digits without look-alikes. */
export function generatePassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return chars.match(/.{4}/g)?.join("-") ?? chars;
}

/** The console's password rule: 12 to 200 characters. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return "Use at least 12 characters.";
  if (password.length > 200) return "Use at most 200 characters.";
  return null;
}

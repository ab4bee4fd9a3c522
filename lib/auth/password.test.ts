import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, test } from "vitest";
import { generatePassword, hashPassword, needsRehash, passwordProblem, verifyPassword } from "./password";

/** A hash as the console made them before Argon2id: scrypt N=2^15, r=8, p=1. */
function olderHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ["scrypt", 2 ** 15, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe("passwords", () => {
  test("verify against their own hash only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  test("salt every hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  test("never match a malformed hash", async () => {
    for (const stored of ["", "plain", "scrypt$1$2", "bcrypt$x$y$z$a$b", "$argon2id$v=19$m=19456,t=2,p=1$bad", "$argon2id$"]) {
      expect(await verifyPassword("anything", stored)).toBe(false);
    }
  });

  test("older scrypt hashes still verify, and ask to be re-hashed; today's do not", async () => {
    const older = olderHash("correct horse battery");
    expect(await verifyPassword("correct horse battery", older)).toBe(true);
    expect(await verifyPassword("wrong horse battery", older)).toBe(false);
    expect(needsRehash(older)).toBe(true);
    expect(needsRehash(await hashPassword("correct horse battery"))).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA")).toBe(true);
  });

  test("generated one-time passwords are long, readable and distinct", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(passwordProblem(a)).toBeNull();
    expect(generatePassword()).not.toBe(a);
  });

  test("the password rule asks for 12 to 200 characters", () => {
    expect(passwordProblem("short")).toMatch(/12/);
    expect(passwordProblem("x".repeat(201))).toMatch(/200/);
    expect(passwordProblem("twelve chars")).toBeNull();
  });
});

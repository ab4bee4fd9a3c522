import { describe, expect, test } from "vitest";
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("passwords", () => {
  test("verify against their own hash only", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  test("salt every hash", async () => {
    expect(await hashPassword("same password here")).not.toBe(await hashPassword("same password here"));
  });

  test("never match a malformed hash", async () => {
    for (const stored of ["", "plain", "scrypt$1$2", "bcrypt$x$y$z$a$b"]) expect(await verifyPassword("anything", stored)).toBe(false);
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

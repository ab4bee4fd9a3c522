import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { loginAttempts } from "@/lib/db/schema";
import { engines, freshDatabase } from "@/lib/db/testing";
import { clearLock, recordAttempt } from "./store";
import { accountFailuresPerHour, accountPressure, backoffMs, backoffState, ipFailuresPerMinute } from "./throttle";

const t0 = new Date("2026-11-01T12:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

test("the wait grows from 30 seconds after the third failure to 15 minutes", () => {
  expect([1, 2, 3, 4, 5, 8, 9, 50].map(backoffMs)).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000, 900_000, 900_000]);
});

describe.each(engines)("sign-in back-off on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  });
  afterAll(() => d.close());

  test("backs off the address that failed, not the account: another address is not stopped", async () => {
    const email = "target@example.com";
    for (let i = 0; i < 3; i += 1) await recordAttempt(d.db, email, "198.51.100.7", false, at(i));
    expect(await backoffState(d.db, email, "198.51.100.7", at(10))).toEqual({ until: at(32), why: "source" });
    expect(await backoffState(d.db, email, "203.0.113.5", at(10))).toBeNull();
    expect(await backoffState(d.db, email, "198.51.100.7", at(33))).toBeNull();
  });

  test("attempts refused during a back-off are recorded but do not lengthen it", async () => {
    const email = "patient@example.com";
    for (let i = 0; i < 3; i += 1) await recordAttempt(d.db, email, "198.51.100.8", false, at(i));
    for (let i = 0; i < 5; i += 1) await recordAttempt(d.db, email, "198.51.100.8", false, at(5 + i), true);
    expect(await backoffState(d.db, email, "198.51.100.8", at(20))).toEqual({ until: at(32), why: "source" });
  });

  test("a flood of refused attempts does not push the real failures out of sight", async () => {
    const email = "flooded@example.com";
    for (let i = 0; i < 3; i += 1) await recordAttempt(d.db, email, "198.51.100.9", false, at(i));
    const refused = Array.from({ length: 1500 }, (_, i) => ({ email, ip: "198.51.100.9", succeeded: false, throttled: true, at: at(3 + i / 100) }));
    await d.db.insert(loginAttempts).values(refused);
    expect(await backoffState(d.db, email, "198.51.100.9", at(20))).toEqual({ until: at(32), why: "source" });
  });

  test("a success from the address restarts its count", async () => {
    const email = "reset@example.com";
    for (let i = 0; i < 3; i += 1) await recordAttempt(d.db, email, "192.0.2.9", false, at(i));
    await recordAttempt(d.db, email, "192.0.2.9", true, at(40));
    await recordAttempt(d.db, email, "192.0.2.9", false, at(41));
    expect(await backoffState(d.db, email, "192.0.2.9", at(42))).toBeNull();
  });

  test(`after ${accountFailuresPerHour} failures in an hour only addresses the account signed in from get through`, async () => {
    const email = "admin@example.com";
    await recordAttempt(d.db, email, "192.0.2.50", true, at(-3600 * 24));
    // Spread over many addresses, as a botnet would, each under its own back-off.
    for (let i = 0; i < accountFailuresPerHour; i += 1) await recordAttempt(d.db, email, `10.1.${Math.floor(i / 2)}.${i % 2}`, false, at(i));
    const held = await backoffState(d.db, email, "203.0.113.77", at(200));
    expect(held).toEqual({ until: at(3600), why: "account" });
    expect(await backoffState(d.db, email, "192.0.2.50", at(200))).toBeNull();
    expect(await accountPressure(d.db, email, at(200))).toEqual({ failures: accountFailuresPerHour, boundUntil: at(3600) });
    expect(await backoffState(d.db, email, "203.0.113.77", at(3601))).toBeNull();
  });

  test("an operator's unlock lifts every back-off on the account", async () => {
    const email = "unlock@example.com";
    for (let i = 0; i < accountFailuresPerHour; i += 1) await recordAttempt(d.db, email, `10.2.${Math.floor(i / 2)}.${i % 2}`, false, at(i));
    await recordAttempt(d.db, email, "10.3.0.1", false, at(100));
    await recordAttempt(d.db, email, "10.3.0.1", false, at(101));
    await recordAttempt(d.db, email, "10.3.0.1", false, at(102));
    expect(await backoffState(d.db, email, "10.3.0.1", at(110))).not.toBeNull();
    await clearLock(d.db, email, at(120));
    expect(await backoffState(d.db, email, "10.3.0.1", at(121))).toBeNull();
    expect(await backoffState(d.db, email, "203.0.113.1", at(121))).toBeNull();
  });

  test("an IPv6 client is its whole /64: a new address in it is not a new client", async () => {
    const email = "v6@example.com";
    for (let i = 0; i < 3; i += 1) await recordAttempt(d.db, email, `2001:db8:7:7::${i + 1}`, false, at(i));
    expect(await backoffState(d.db, email, "2001:db8:7:7:ffff::9", at(10))).toEqual({ until: at(32), why: "source" });
    expect(await backoffState(d.db, email, "2001:db8:7:8::1", at(10))).toBeNull();
  });

  test(`an address with ${ipFailuresPerMinute} failures in a minute, on any accounts, waits out the minute`, async () => {
    for (let i = 0; i < ipFailuresPerMinute; i += 1) await recordAttempt(d.db, `x${i}@example.com`, "203.0.113.9", false, at(i));
    expect(await backoffState(d.db, "fresh@example.com", "203.0.113.9", at(30))).toEqual({ until: at(60), why: "address" });
    expect(await backoffState(d.db, "fresh@example.com", "203.0.113.10", at(30))).toBeNull();
    expect(await backoffState(d.db, "fresh@example.com", "203.0.113.9", at(61))).toBeNull();
  });
});

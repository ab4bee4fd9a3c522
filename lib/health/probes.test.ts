import { describe, expect, test } from "vitest";
import { emulatorWithDatabase } from "@/lib/emulator/testing/with-database";
import { liveness, readiness, sendbirdCheck } from "./probes";

describe("health probes", () => {
  const world = emulatorWithDatabase();
  const db = async () => world.db;
  const down = async () => {
    throw new Error("connection refused");
  };

  test("liveness asks the database only; readiness asks the database and Sendbird", async () => {
    const sent = () => world.emulator.emulator.journal.last(10_000).length;
    const before = sent();
    const live = await liveness(db);
    expect(live).toEqual({ status: "ok", checks: { database: { ok: true, ms: expect.any(Number) } } });
    expect(sent()).toBe(before);
    const ready = await readiness(db, () => sendbirdCheck(world.client({ maxRetries: 0 })));
    expect(ready).toMatchObject({ status: "ok", checks: { database: { ok: true }, sendbird: { ok: true } } });
  });

  test("a Sendbird outage fails readiness, in plain words, and leaves liveness alone", async () => {
    expect((await world.emulator.control("POST", "/faults", { method: "GET", path: "/v1/live-events", status: 503 })).status).toBe(200);
    try {
      const ready = await readiness(db, () => sendbirdCheck(world.client({ maxRetries: 0 })));
      expect(ready.status).toBe("failing");
      expect(ready.checks.sendbird).toMatchObject({ ok: false, problem: expect.stringMatching(/Sendbird|Live & Calls/) });
      expect(ready.checks.database?.ok).toBe(true);
      expect((await liveness(db)).status).toBe("ok");
    } finally {
      await world.emulator.control("DELETE", "/faults");
    }
  });

  test("a database that does not answer fails both, and says why without a secret", async () => {
    const live = await liveness(down);
    expect(live).toEqual({ status: "failing", checks: { database: { ok: false, ms: expect.any(Number), problem: expect.any(String) } } });
    const ready = await readiness(down, () => sendbirdCheck(world.client({ apiToken: "not-the-token", maxRetries: 0 })));
    expect(ready.status).toBe("failing");
    expect(JSON.stringify(ready)).not.toContain("not-the-token");
    expect(JSON.stringify(ready)).not.toContain(world.emulator.master);
  });
});

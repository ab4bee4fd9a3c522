import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

let t: TestEmulator;
beforeAll(async () => {
  t = await startTestEmulator({ seed: 7, size: "small" });
});
afterAll(() => t.close());

describe("smoke", () => {
  test("lists seeded live events newest first", async () => {
    const res = await t.call("GET", "/v1/live-events?limit=5");
    expect(res.status).toBe(200);
    expect(res.json.live_events).toHaveLength(5);
  });
});

import { describe, expect, test } from "vitest";
import { metrics } from "./metrics";
import { scrape } from "./scrape";

const token = "metrics-token-metrics-token-0001";
const asked = (authorization?: string) => new Request("http://console.test/api/metrics", { headers: authorization ? { authorization } : {} });

describe("GET /api/metrics", () => {
  test("is off (404) while no token is set, and asks for the token (401) without the right one", async () => {
    expect((await scrape(asked(`Bearer ${token}`), null, async () => null)).status).toBe(404);
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token-wrong", `Basic ${token}`, token]) {
      const answer = await scrape(asked(authorization), token, async () => null);
      expect(answer.status, authorization).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="metrics"');
    }
  });

  test("answers Prometheus text with the sync's last pass as the database has it", async () => {
    metrics().auditRows.inc();
    const finished = Date.now() - 90_000;
    const answer = await scrape(asked(`Bearer ${token}`), token, async () => finished);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("text/plain");
    const text = await answer.text();
    expect(text).toContain(`showrunner_activity_sync_last_success_timestamp_seconds ${finished / 1000}`);
    const lag = Number(/^showrunner_activity_sync_lag_seconds (\S+)$/m.exec(text)?.[1]);
    expect(lag).toBeGreaterThanOrEqual(90);
    expect(lag).toBeLessThan(100);
    expect(text).toMatch(/^showrunner_audit_rows_appended_total [1-9]\d*$/m);
    expect(text).toContain("# TYPE process_cpu_seconds_total counter");
  });

  test("leaves the sync's figures out before its first pass, rather than reading 0", async () => {
    await scrape(asked(`Bearer ${token}`), token, async () => Date.now());
    const text = await (await scrape(asked(`Bearer ${token}`), token, async () => null)).text();
    expect(text).toContain("# TYPE showrunner_activity_sync_lag_seconds gauge");
    expect(text).not.toMatch(/^showrunner_activity_sync_(lag_seconds|last_success_timestamp_seconds) /m);
  });

  test("still answers when the sync's state cannot be read", async () => {
    const answer = await scrape(asked(`Bearer ${token}`), token, async () => {
      throw new Error("database closed");
    });
    expect(answer.status).toBe(200);
  });
});

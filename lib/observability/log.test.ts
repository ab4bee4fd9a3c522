import { afterEach, describe, expect, test } from "vitest";
import { captureConsole, configureLog, log, logs } from "./log";
import type { Level } from "./log";
import { noteActor, withRequestContext } from "./request-context";

function collect(format: "json" | "text", level: Level = "debug"): string[] {
  const lines: string[] = [];
  configureLog({ format, level, write: (line) => lines.push(line) });
  return lines;
}

afterEach(() => configureLog(undefined));

describe("the log", () => {
  test("writes one JSON object a line: time, level, message, the request it belongs to, then the fields", () => {
    const lines = collect("json");
    withRequestContext({ id: "req-1" }, () => log.info("request", { route: "/users", status: 200, skipped: undefined }));
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    expect(line).toEqual({ time: expect.any(String), level: "info", msg: "request", requestId: "req-1", route: "/users", status: 200 });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  test("names a background task and its run instead of a request", () => {
    const lines = collect("json");
    withRequestContext({ id: "run-7", task: "activity-sync" }, () => log.warn("the activity sync failed"));
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: "warn", task: "activity-sync", runId: "run-7" });
    expect(JSON.parse(lines[0] ?? "")).not.toHaveProperty("requestId");
  });

  test("never writes the value of a field named like a secret, whoever passes it", () => {
    const lines = collect("json");
    log.error("oops", { apiToken: "abc", password: "hunter2", NEXTAUTH_SECRET: "s", authorization: "Bearer x", cookie: "c", api_key: "k", tokenLast4: "1234" });
    const line = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
    for (const name of ["apiToken", "password", "NEXTAUTH_SECRET", "authorization", "cookie", "api_key"]) expect(line[name]).toBe("[redacted]");
    expect(line.tokenLast4).toBe("1234");
  });

  test("writes only lines at or above its level", () => {
    const lines = collect("json", "warn");
    log.debug("a");
    log.info("b");
    log.warn("c");
    log.error("d");
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(["c", "d"]);
    expect(logs("info")).toBe(false);
    expect(logs("error")).toBe(true);
  });

  test("reads as text on a terminal: time, level, message, then name=value pairs, quoted where needed", () => {
    const lines = collect("text");
    withRequestContext({ id: "req-2" }, () => log.info("request", { route: "/live-events/[liveEventId]", problem: "no answer within 3 s" }));
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}request {2}requestId=req-2 route=\/live-events\/\[liveEventId\] problem="no answer within 3 s"$/);
  });

  test("the account a request's session names is on the request's lines", () => {
    const lines = collect("json");
    withRequestContext({ id: "req-3" }, () => {
      noteActor("acc-1", "support");
      log.info("request");
    });
    // noteActor outside a request changes nothing and does not throw.
    noteActor("acc-2", "admin");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ requestId: "req-3" });
  });

  test("in JSON format, what anything writes with console becomes a JSON line too", () => {
    const lines = collect("json");
    const saved = { ...console };
    try {
      captureConsole();
      console.warn("\u001b[32m✓\u001b[39m Running next.config took 1ms");
      console.error(new Error("broken"));
    } finally {
      Object.assign(console, saved);
    }
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ level: "warn", msg: "✓ Running next.config took 1ms" }),
      expect.objectContaining({ level: "error", msg: expect.stringContaining("Error: broken") }),
    ]);
  });

  test("in text format, console is left alone", () => {
    collect("text");
    const before = console.warn;
    captureConsole();
    expect(console.warn).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { SendbirdServerError } from "@/lib/sendbird/errors";
import { callsCsv } from "./listing";
import { callsQuerySchema } from "./query";

const minute = 60_000;
const header = "call_id,kind,caller_id,caller_nickname,callee_id,callee_nickname,started_at,ended_at,duration_s,end_result,end_result_label,ended_by";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("the direct-calls CSV", () => {
  let t: TestEmulator;
  const client = () => emulatedClient(t, { retryBaseMs: 5, maxRetries: 1 });
  const adaCalls: string[] = [];
  let dropped = "";
  let risky = "";

  const makeCall = async (spec: Record<string, unknown>): Promise<string> => {
    const res = await t.control("POST", "/direct-calls", { end_result: "completed", ...spec });
    expect(res.status).toBe(200);
    return res.json.call.call_id;
  };

  beforeAll(async () => {
    t = await startTestEmulator();
    for (const [user_id, nickname] of [
      ["ada", "Ada"],
      ["bob", 'Bob "B", Jr'],
      ["eve", '=HYPERLINK("x")'],
    ]) {
      await t.call("POST", "/v3/users", { body: { user_id, nickname, profile_url: "" } });
    }
    // 130 calls of ada's, more than one page of 100, a minute apart; two calls without her.
    for (let i = 0; i < 130; i += 1) adaCalls.push(await makeCall({ caller_id: "ada", callee_id: "bob", started_at: testNow - (i + 10) * minute }));
    dropped = await makeCall({
      caller_id: "bob",
      callee_id: "eve",
      end_result: "connection_lost",
      duration: 90_000,
      is_video_call: true,
      started_at: testNow - 5 * minute,
    });
    risky = await makeCall({ caller_id: "eve", callee_id: "bob", end_result: "no_answer", started_at: testNow - 4 * minute });
  }, 60_000);
  afterAll(() => t.close());

  test("holds one line per call of the user, across every page, whatever page size the list shows", async () => {
    await t.control("DELETE", "/journal");
    const csv = await text(await callsCsv(client(), callsQuerySchema.parse({ user: "ada", limit: "10", next: "abc" })));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(header);
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(1, -1).map((l) => l.split(",")[0])).toEqual(adaCalls);
    const reads = (await t.control("GET", "/journal")).json.requests.filter((r: { path: string }) => r.path === "/v1/users/ada/calls");
    expect(reads).toHaveLength(2);
    expect(reads.every((r: { query: string }) => r.query.includes("limit=100"))).toBe(true);
  });

  test("writes each column, with the end result as the dashboard labels it", async () => {
    const csv = await text(await callsCsv(client(), callsQuerySchema.parse({ endResult: "connection_lost" })));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    const { call } = (await t.call("GET", `/v1/direct_calls/${dropped}`)).json;
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(lines[1]).toBe(
      [
        dropped,
        "video",
        "bob",
        '"Bob ""B"", Jr"',
        "eve",
        `"'=HYPERLINK(""x"")"`,
        iso(testNow - 5 * minute),
        iso(call.ended_at),
        "90",
        "connection_lost",
        "dropped",
        "bob",
      ].join(","),
    );
  });

  test("keeps a spreadsheet from running a nickname as a formula, and labels a missed call", async () => {
    const csv = await text(await callsCsv(client(), callsQuerySchema.parse({ user: "eve", role: "caller" })));
    const [head, line, ...rest] = csv.trimEnd().split("\r\n");
    expect(head).toBe(header);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^${risky},audio,eve,"'=HYPERLINK\\(""x""\\)",bob,`));
    expect(line).toMatch(/,no_answer,missed,$/);
  });

  test("writes the header alone when no call matches", async () => {
    expect(await text(await callsCsv(client(), callsQuerySchema.parse({ endResult: "canceled" })))).toBe(`${header}\r\n`);
  });

  test("fails before the download starts when Sendbird does", async () => {
    const fault = await t.control("POST", "/faults", { method: "GET", path: "/v1/users/*", status: 500 });
    try {
      await expect(callsCsv(client(), callsQuerySchema.parse({ user: "ada" }))).rejects.toBeInstanceOf(SendbirdServerError);
    } finally {
      await t.control("DELETE", `/faults/${fault.json.fault.id}`);
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAction } from "@/lib/actions/core";
import type { ActionDefinition } from "@/lib/actions/core";
import { listAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { staffMember } from "@/lib/auth/testing";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { removeCallCustomItems, updateCallCustomItems } from "./actions";

const meta = { requestId: "req-calls", ip: "192.0.2.60", userAgent: "test" };
const operator = staffMember("operator");
const support = staffMember("support");
const rows = (items: Record<string, string>) => Object.entries(items).map(([key, value]) => ({ key, value }));

describe("operating calls", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions with different input types
  const act = <T>(def: ActionDefinition<any, T>, input: unknown, user = operator) =>
    runAction(def, input, { user, db: d.db, sendbird: emulatedClient(t), meta });

  /** A new call between ada and bob holding the given custom items. */
  const makeCall = async (custom_items: Record<string, string> = {}): Promise<string> => {
    const res = await t.control("POST", "/direct-calls", {
      caller_id: "ada",
      callee_id: "bob",
      end_result: "completed",
      started_at: testNow - 60_000,
      custom_items,
    });
    expect(res.status).toBe(200);
    return res.json.call.call_id;
  };
  const callItems = async (callId: string): Promise<Record<string, string>> => (await t.call("GET", `/v1/direct_calls/${callId}`)).json.call.custom_items;
  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    for (const user_id of ["ada", "bob"]) await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } });
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("saves a call's custom items as an upsert, keeping the keys not sent", async () => {
    const callId = await makeCall({ topic: "billing", priority: "low" });
    const saved = await act(updateCallCustomItems, {
      targetId: callId,
      customItems: [
        { key: " priority ", value: "high" },
        { key: "agent", value: "ann" },
      ],
    });
    expect(saved).toEqual({ ok: true, data: { topic: "billing", priority: "high", agent: "ann" } });
    expect(await callItems(callId)).toEqual({ topic: "billing", priority: "high", agent: "ann" });
  });

  test("refuses bad rows beside their field without calling Sendbird", async () => {
    const callId = await makeCall({ topic: "billing" });
    // Requests about this call the emulator has seen.
    const sent = async (): Promise<number> =>
      (await t.control("GET", "/journal?limit=500")).json.requests.filter((r: { path: string }) => r.path.includes(callId)).length;
    const before = await sent();
    const bad = await act(updateCallCustomItems, {
      targetId: callId,
      customItems: [
        { key: "a,b", value: "v" },
        { key: "k".repeat(129), value: "v" },
        { key: "fine", value: "v".repeat(129) },
        { key: "topic", value: "1" },
        { key: " topic ", value: "2" },
      ],
    });
    expect(bad).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: {
          "customItems.0.key": "A key cannot contain a comma.",
          "customItems.1.key": "A key is at most 128 characters.",
          "customItems.2.value": "A value is at most 128 characters.",
          "customItems.4.key": 'The key "topic" is already used above.',
        },
      },
    });
    expect(await sent()).toBe(before);
    expect(await callItems(callId)).toEqual({ topic: "billing" });
  });

  test("refuses a save that would make more than 10 custom items in all, leaving the call as it was", async () => {
    const held = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, String(i)]));
    const callId = await makeCall(held);
    const refused = await act(updateCallCustomItems, { targetId: callId, customItems: rows({ k0: "changed", x: "1", y: "2", z: "3" }) });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { customItems: "A call holds at most 10 custom items; this would make 11. Delete some first." } },
    });
    expect(await callItems(callId)).toEqual(held);
    // Changing held keys and adding up to the limit is fine.
    expect(await act(updateCallCustomItems, { targetId: callId, customItems: rows({ k0: "changed", x: "1", y: "2" }) })).toMatchObject({ ok: true });
    expect(Object.keys(await callItems(callId))).toHaveLength(10);
  });

  test("deletes a call's chosen custom items, several at once, and leaves the others", async () => {
    const callId = await makeCall({ a: "1", b: "2", c: "3", d: "4" });
    expect(await act(removeCallCustomItems, { targetId: callId, keys: ["a", "c", "a"] })).toEqual({ ok: true, data: { b: "2", d: "4" } });
    expect(await callItems(callId)).toEqual({ b: "2", d: "4" });
    expect(await act(removeCallCustomItems, { targetId: callId, keys: [] })).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { keys: "Choose at least one item." } },
    });
    expect(await callItems(callId)).toEqual({ b: "2", d: "4" });
  });

  test("audits a call's custom-item changes with the keys touched, never the values", async () => {
    const callId = await makeCall({ old: "gone soon" });
    expect(await act(updateCallCustomItems, { targetId: callId, customItems: rows({ secret: "s3cr3t-value", other: "hidden-too" }) })).toMatchObject({
      ok: true,
    });
    expect(await act(removeCallCustomItems, { targetId: callId, keys: ["old", "secret"] })).toMatchObject({ ok: true });
    const audit = await listAudit(d.db, { targetId: callId });
    expect(audit.find((r) => r.action === "direct_call.custom_items.update")).toMatchObject({
      outcome: "success",
      actorEmail: "operator@example.com",
      targetType: "direct_call",
      targetId: callId,
      details: { keys: "secret,other" },
    });
    expect(audit.find((r) => r.action === "direct_call.custom_items.delete")).toMatchObject({
      outcome: "success",
      targetType: "direct_call",
      targetId: callId,
      details: { keys: "old,secret" },
    });
    expect(JSON.stringify(audit)).not.toMatch(/s3cr3t-value|hidden-too|gone soon/);
  });

  test("denies support, with a denied audit row and the call unchanged", async () => {
    const callId = await makeCall({ topic: "billing" });
    expect(await act(updateCallCustomItems, { targetId: callId, customItems: rows({ topic: "sales" }) }, support)).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await act(removeCallCustomItems, { targetId: callId, keys: ["topic"] }, support)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await callItems(callId)).toEqual({ topic: "billing" });
    const denied = await listAudit(d.db, { actor: "support@example.com", outcome: "denied" });
    expect(denied.map((r) => r.action).sort()).toEqual(["direct_call.custom_items.delete", "direct_call.custom_items.update"]);
    expect(denied[0]).toMatchObject({ message: "missing permission calls.operate" });
  });

  test("answers a call id Sendbird does not know with a readable failure", async () => {
    const result = await act(updateCallCustomItems, { targetId: "no-such-call", customItems: rows({ a: "1" }) });
    expect(result).toEqual({ ok: false, error: { code: "failed", message: 'Not found. Direct call "no-such-call" not found.' } });
    const removed = await act(removeCallCustomItems, { targetId: "no-such-call", keys: ["a"] });
    expect(removed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Not found\. \S/) } });
    const [row] = await listAudit(d.db, { targetId: "no-such-call", action: "direct_call.custom_items.update" });
    expect(row).toMatchObject({ outcome: "failure", targetType: "direct_call", sendbirdCode: expect.any(Number) });
  });

  test("refuses '.' and '..' as ids before anything is sent: they would be path steps, not ids", async () => {
    for (const targetId of [".", ".."]) {
      expect(await act(removeCallCustomItems, { targetId, keys: ["a"] })).toMatchObject({
        ok: false,
        error: { fields: { targetId: '"." and ".." are not call ids.' } },
      });
    }
  });
});

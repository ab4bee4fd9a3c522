import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { expectChatError, startTestEmulator } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
  await t.call("POST", "/v3/users", { body: { user_id: "mia", nickname: "Mia", profile_url: "", metadata: { team: "events", plan: "pro" } } });
});
afterEach(() => t.close());

const base = "/v3/users/mia/metadata";
const item = (key: string) => `${base}/${encodeURIComponent(key)}`;

async function metadata(): Promise<Record<string, string>> {
  return (await t.call("GET", "/v3/users/mia")).json.metadata;
}

describe("POST /v3/users/{user_id}/metadata", () => {
  test("adds items and answers them as a flat object", async () => {
    const res = await t.call("POST", base, { body: { metadata: { city: "Seoul" } } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ city: "Seoul" });
    expect(await metadata()).toEqual({ team: "events", plan: "pro", city: "Seoul" });
  });

  test.each([
    ["a key the user already has", { metadata: { team: "support" } }, 400202],
    ["a sixth item", { metadata: { a: "1", b: "2", c: "3", d: "4" } }, 400203],
    ["no metadata", {}, 400105],
    ["a comma in a key", { metadata: { "a,b": "1" } }, 400111],
    ["a key over 128 characters", { metadata: { ["k".repeat(129)]: "1" } }, 400110],
    ["a value over 190 characters", { metadata: { city: "v".repeat(191) } }, 400110],
    ["a value that is not a string", { metadata: { city: 1 } }, 400100],
  ])("refuses %s and changes nothing", async (_name, body, code) => {
    expectChatError(await t.call("POST", base, { body }), code);
    expect(await metadata()).toEqual({ team: "events", plan: "pro" });
  });

  test("keeps a __proto__ key as data", async () => {
    await t.call("POST", base, { raw: '{"metadata":{"__proto__":"x"}}' });
    expect(Object.entries(await metadata())).toContainEqual(["__proto__", "x"]);
  });
});

describe("GET /v3/users/{user_id}/metadata", () => {
  test("answers every item, or those named by keys (comma-separated or repeated) or key", async () => {
    expect((await t.call("GET", base)).json).toEqual({ team: "events", plan: "pro" });
    expect((await t.call("GET", `${base}?keys=team,nope`)).json).toEqual({ team: "events" });
    expect((await t.call("GET", `${base}?keys=team&keys=plan`)).json).toEqual({ team: "events", plan: "pro" });
    expect((await t.call("GET", `${base}?key=plan`)).json).toEqual({ plan: "pro" });
  });

  test("answers one key at /metadata/{key}, and a missing key with 400201", async () => {
    expect((await t.call("GET", item("team"))).json).toEqual({ team: "events" });
    expectChatError(await t.call("GET", item("nope")), 400201);
  });

  test("refuses an unknown user with 400201", async () => {
    expectChatError(await t.call("GET", "/v3/users/ghost/metadata"), 400201);
  });
});

describe("PUT /v3/users/{user_id}/metadata", () => {
  test("updates existing keys and answers { metadata, upsert }", async () => {
    const res = await t.call("PUT", base, { body: { metadata: { team: "support" } } });
    expect(res.json).toEqual({ metadata: { team: "support" }, upsert: false });
    expect(await metadata()).toEqual({ team: "support", plan: "pro" });
  });

  test("refuses a new key without upsert, changing nothing, and adds it with upsert", async () => {
    expectChatError(await t.call("PUT", base, { body: { metadata: { team: "x", city: "Seoul" } } }), 400201);
    expect(await metadata()).toEqual({ team: "events", plan: "pro" });
    const res = await t.call("PUT", base, { body: { metadata: { city: "Seoul" }, upsert: true } });
    expect(res.json).toEqual({ metadata: { city: "Seoul" }, upsert: true });
    expect(await metadata()).toEqual({ team: "events", plan: "pro", city: "Seoul" });
  });

  test("refuses to grow past 5 items", async () => {
    expectChatError(await t.call("PUT", base, { body: { metadata: { a: "1", b: "2", c: "3", d: "4" }, upsert: true } }), 400203);
  });
});

describe("PUT /v3/users/{user_id}/metadata/{key}", () => {
  test("changes one item from { value } and answers it", async () => {
    const res = await t.call("PUT", item("plan"), { body: { value: "free" } });
    expect(res.json).toEqual({ plan: "free" });
    expect(await metadata()).toEqual({ team: "events", plan: "free" });
  });

  test("takes the item under metadata too, and adds a new key only with upsert", async () => {
    expectChatError(await t.call("PUT", item("city"), { body: { value: "Seoul" } }), 400201);
    expect((await t.call("PUT", item("city"), { body: { metadata: { city: "Seoul" }, upsert: true } })).json).toEqual({ city: "Seoul" });
    expect(await metadata()).toEqual({ team: "events", plan: "pro", city: "Seoul" });
  });

  test.each([
    ["no value", {}, 400105],
    ["a value over 190 characters", { value: "v".repeat(191) }, 400110],
    ["a value that is not a string", { value: 5 }, 400100],
  ])("refuses %s", async (_name, body, code) => {
    expectChatError(await t.call("PUT", item("plan"), { body }), code);
    expect(await metadata()).toEqual({ team: "events", plan: "pro" });
  });

  test("refuses a comma in the key", async () => {
    expectChatError(await t.call("PUT", item("a,b"), { body: { value: "1", upsert: true } }), 400111);
  });
});

describe("DELETE /v3/users/{user_id}/metadata", () => {
  test("deletes one key (path or ?key=), then everything, answering {}", async () => {
    const one = await t.call("DELETE", item("team"));
    expect({ status: one.status, json: one.json }).toEqual({ status: 200, json: {} });
    expect(await metadata()).toEqual({ plan: "pro" });
    await t.call("POST", base, { body: { metadata: { city: "Seoul" } } });
    await t.call("DELETE", `${base}?key=city`);
    expect(await metadata()).toEqual({ plan: "pro" });
    await t.call("DELETE", base);
    expect(await metadata()).toEqual({});
  });

  test("refuses a key the user does not have with 400201", async () => {
    expectChatError(await t.call("DELETE", item("nope")), 400201);
  });
});

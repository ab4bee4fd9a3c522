import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { apiTokenListSchema, apiTokenSchema } from "@/lib/sendbird/schemas";
import type { ApiToken } from "@/lib/sendbird/schemas";
import { expectChatError, startTestEmulator, testNow } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

async function generateToken(): Promise<ApiToken> {
  const res = await t.call("POST", "/v3/applications/api_tokens", { body: {} });
  expect(res.status).toBe(200);
  return apiTokenSchema.parse(res.json);
}

describe("secondary API tokens", () => {
  test("generates a 40-hex token with created_at in Unix seconds", async () => {
    const token = await generateToken();
    expect(token.token).toMatch(/^[0-9a-f]{40}$/);
    expect(token.created_at).toBe(Math.floor(testNow / 1000));
  });

  test("lists, views and revokes tokens; the master never appears", async () => {
    const a = await generateToken();
    await t.control("POST", "/clock/advance", { ms: 5000 });
    const b = await generateToken();
    const list = apiTokenListSchema.parse((await t.call("GET", "/v3/applications/api_tokens")).json);
    expect(list.api_tokens).toEqual([a, b]);
    expect(JSON.stringify(list)).not.toContain(t.master);

    const view = await t.call("GET", `/v3/applications/api_tokens/${a.token}`);
    expect(apiTokenSchema.parse(view.json)).toEqual(a);

    const revoke = await t.call("DELETE", `/v3/applications/api_tokens/${a.token}`);
    expect(revoke.status).toBe(200);
    expect(revoke.json).toEqual({});
    expect(apiTokenListSchema.parse((await t.call("GET", "/v3/applications/api_tokens")).json).api_tokens).toEqual([b]);
    expectChatError(await t.call("GET", `/v3/applications/api_tokens/${a.token}`), 400201);
    expectChatError(await t.call("DELETE", `/v3/applications/api_tokens/${a.token}`), 400201);
  });

  test("the master token cannot be viewed or revoked as a secondary token", async () => {
    expectChatError(await t.call("DELETE", `/v3/applications/api_tokens/${t.master}`), 400201);
    expect((await t.call("GET", "/v3/users")).status).toBe(200);
  });

  test("a generated token works on /v1 and /v3 until it is revoked, then gets each host's auth error", async () => {
    const { token } = await generateToken();
    expect((await t.call("GET", "/v1/direct_calls", { token })).status).toBe(200);
    expect((await t.call("GET", "/v1/rooms", { token })).status).toBe(200);
    expect((await t.call("POST", "/v3/users", { token, body: { user_id: "made-by-secondary", nickname: "", profile_url: "" } })).status).toBe(200);
    expect((await t.call("GET", "/v3/users", { token })).status).toBe(200);

    expect((await t.call("DELETE", `/v3/applications/api_tokens/${token}`)).status).toBe(200);

    const calls = await t.call("GET", "/v1/direct_calls", { token });
    expect(calls.status).toBe(401);
    expect(calls.json).toMatchObject({ error: true, code: 401121, type: "NOT_AUTHORIZED" });
    expectChatError(await t.call("GET", "/v3/users", { token }), 400401);
  });

  test.each([
    ["POST", "/v3/applications/api_tokens"],
    ["GET", "/v3/applications/api_tokens"],
    ["GET", "/v3/applications/api_tokens/{token}"],
    ["DELETE", "/v3/applications/api_tokens/{token}"],
  ])("%s %s refuses a secondary token with HTTP 400 code 400108", async (method, template) => {
    const { token } = await generateToken();
    const res = await t.call(method, template.replace("{token}", token), { token, body: method === "POST" ? {} : undefined });
    expectChatError(res, 400108);
    expect(apiTokenListSchema.parse((await t.call("GET", "/v3/applications/api_tokens")).json).api_tokens).toHaveLength(1);
  });

  test("the 11th token is refused with HTTP 400 code 400203", async () => {
    for (let i = 0; i < 10; i += 1) await generateToken();
    expectChatError(await t.call("POST", "/v3/applications/api_tokens", { body: {} }), 400203);
    expect(apiTokenListSchema.parse((await t.call("GET", "/v3/applications/api_tokens")).json).api_tokens).toHaveLength(10);
  });

  test("a revoked slot can be used again", async () => {
    const tokens: ApiToken[] = [];
    for (let i = 0; i < 10; i += 1) tokens.push(await generateToken());
    expect((await t.call("DELETE", `/v3/applications/api_tokens/${tokens[0]?.token}`)).status).toBe(200);
    await generateToken();
  });
});

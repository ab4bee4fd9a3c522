// Sendbird's generated JavaScript client (npm sendbird-platform-sdk, superagent) against the emulator over HTTP.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import * as javascriptSdk from "sendbird-platform-sdk";
import { ApiClient, ApplicationApi, MetadataApi, UserApi } from "sendbird-platform-sdk";
import { testNow } from "../testing/harness";
import { startContract } from "./contract";
import type { Contract, SdkError } from "./contract";
import { publishedExceptions } from "./published-exceptions";
import { publishedModel } from "./published-models";

/** The JavaScript client rejects with `{ status, body }`, the body parsed from JSON. */
function javascriptError(err: unknown): SdkError {
  if (typeof err !== "object" || err === null || !("status" in err) || !("body" in err)) return { status: undefined, code: undefined };
  const body = err.body;
  const code = typeof body === "object" && body !== null && "code" in body && typeof body.code === "number" ? body.code : undefined;
  return { status: typeof err.status === "number" ? err.status : undefined, code };
}

let c: Contract;
let sdk: { users: UserApi; metadata: MetadataApi; application: ApplicationApi };
beforeEach(async () => {
  c = await startContract(javascriptError);
  const client = new ApiClient(c.origin);
  sdk = { users: new UserApi(client), metadata: new MetadataApi(client), application: new ApplicationApi(client) };
});
afterEach(() => c.close());

function createUser(userId: string, extra: Record<string, unknown> = {}) {
  const createUserData = { user_id: userId, nickname: userId.toUpperCase(), profile_url: "", ...extra };
  return c.call("SendBirdUser", () => sdk.users.createUser(c.master, { createUserData }));
}

function updateUser(userId: string, updateUserByIdData: Record<string, unknown>) {
  return c.call("SendBirdUser", () => sdk.users.updateUserById(c.master, userId, { updateUserByIdData }));
}

/** The items the emulator answers; the client itself returns an empty model for this flat answer. */
async function viewMetadata(opts: { key?: string; keys?: string[] } = {}): Promise<unknown> {
  const run = () => sdk.metadata.viewUserMetadata(c.master, "mia", opts);
  return (await c.callForJson("ViewUserMetadataResponse", run, [publishedExceptions.viewedMetadataIsFlat])).json;
}

/** Reads which wire fields a generated JavaScript model copies, by handing it an object that has every field. */
function javascriptModelFields(name: string): string[] {
  const model: unknown = (javascriptSdk as Record<string, unknown>)[name];
  if (typeof model !== "function" || !("constructFromObject" in model) || typeof model.constructFromObject !== "function") return [];
  const asked = new Set<string>();
  const everyField = new Proxy({}, { get: (_target, prop) => (prop === "hasOwnProperty" ? (field: string) => asked.add(field) : undefined) });
  model.constructFromObject(everyField);
  return [...asked].sort();
}

const modelsUsed = [
  "SendBirdUser",
  "ListUsersResponse",
  "CreateUserMetadataResponse",
  "ViewUserMetadataResponse",
  "UpdateUserMetadataResponse",
  "GenerateSecondaryApiTokenResponse",
  "ListSecondaryApiTokensResponse",
  "ViewSecondaryApiTokenByTokenResponse",
  "RevokeSecondaryApiTokenByTokenResponse",
];

test.each(modelsUsed)("the JavaScript %s has the fields of the TypeScript client's, so one check serves both", (name) => {
  const published = publishedModel(name)
    ?.getAttributeTypeMap()
    .map((a) => a.baseName)
    .sort();
  expect(published).toBeDefined();
  expect(javascriptModelFields(name)).toEqual(published);
});

describe("users through UserApi", () => {
  test("creates, views, updates, deactivates, reactivates and deletes a user", async () => {
    const created = await createUser("mia", { metadata: { team: "events" } });
    // The client reads metadata as an empty SBObject model, so its callers never see the items.
    expect(created).toMatchObject({ user_id: "mia", is_created: true, is_active: true, metadata: {} });
    expect(await c.call("SendBirdUser", () => sdk.users.viewUserById(c.master, "mia"))).toMatchObject({ user_id: "mia", nickname: "MIA" });
    const withCount = () => sdk.users.viewUserById(c.master, "mia", { includeUnreadCount: true });
    const counted = await c.call("SendBirdUser", withCount, [publishedExceptions.unreadMessageCount]);
    expect(counted).toMatchObject({ user_id: "mia" });
    expect(await updateUser("mia", { nickname: "Mia K", preferred_languages: ["ko"] })).toMatchObject({ nickname: "Mia K", preferred_languages: ["ko"] });

    expect(await updateUser("mia", { is_active: false, leave_all_when_deactivated: true })).toMatchObject({ is_active: false });
    const deactivated = await c.call("ListUsersResponse", () => sdk.users.listUsers(c.master, { activeMode: "deactivated" }));
    expect(deactivated.users?.map((u) => u.user_id)).toEqual(["mia"]);
    expect(await updateUser("mia", { is_active: true })).toMatchObject({ is_active: true });

    await c.call("any", () => sdk.users.deleteUserById(c.master, "mia"));
    await c.fails(400201, () => sdk.users.viewUserById(c.master, "mia"));
  });

  test("lists users page by page until next is empty", async () => {
    const ids = ["ava", "ben", "cho", "dev", "eli"];
    for (const id of ids) await createUser(id);
    const seen: unknown[] = [];
    let token: string | undefined;
    do {
      const page = await c.call("ListUsersResponse", () => sdk.users.listUsers(c.master, { token, limit: 2 }));
      seen.push(...(page.users ?? []).map((u) => u.user_id));
      token = page.next || undefined;
    } while (token);
    expect(seen).toEqual(ids);
  });

  test("refuses an unknown user, a duplicate user and an invalid Api-Token with Sendbird's codes", async () => {
    await createUser("mia");
    await c.fails(400201, () => sdk.users.viewUserById(c.master, "nobody"));
    await c.fails(400202, () => sdk.users.createUser(c.master, { createUserData: { user_id: "mia", nickname: "Again", profile_url: "" } }));
    await c.fails(400401, () => sdk.users.listUsers("not-an-api-token"));
  });
});

describe("session tokens", () => {
  test("issues a token with plain fetch, since the client has no createUserToken", async () => {
    await createUser("mia");
    const { json } = await c.fetch("POST", "/v3/users/mia/token", "CreateUserTokenResponse");
    expect(json).toEqual({ token: expect.stringMatching(/^eyJ/), expires_at: testNow + 7 * 24 * 60 * 60 * 1000 });
  });

  test("lists a token issued the deprecated way, and revokes all of them with plain fetch", async () => {
    await createUser("mia");
    const run = () => sdk.users.updateUserById(c.master, "mia", { updateUserByIdData: { issue_session_token: true } });
    const { result, json } = await c.callForJson("SendBirdUser", run);
    expect(json).toMatchObject({ session_tokens: [{ session_token: expect.stringMatching(/^eyJ/), expires_at: expect.any(Number) }] });
    // The client's model types session_tokens as strings, so each item arrives as "[object Object]".
    expect(result.session_tokens).toEqual(["[object Object]"]);
    // No client has a method for DELETE /v3/users/{user_id}/token; the doc page documents an empty answer.
    // https://sendbird.com/docs/chat/v3/platform-api/user/managing-session-tokens/revoke-all-session-tokens
    await c.fetch("DELETE", "/v3/users/mia/token", "void");
    const after = await c.callForJson("SendBirdUser", () => sdk.users.viewUserById(c.master, "mia"));
    expect(after.json).not.toHaveProperty("session_tokens");
  });
});

describe("user metadata through UserApi (writes) and MetadataApi (reads)", () => {
  test("creates, views, updates and deletes items in every published way", async () => {
    await createUser("mia");
    const createUserMetadataData = { metadata: { team: "events", plan: "pro" } };
    const create = () => sdk.users.createUserMetadata(c.master, "mia", { createUserMetadataData });
    expect({ ...(await c.call("CreateUserMetadataResponse", create, [publishedExceptions.createdMetadataIsFlat])) }).toEqual({});
    expect(await viewMetadata()).toEqual({ team: "events", plan: "pro" });
    expect(await viewMetadata({ key: "team" })).toEqual({ team: "events" });
    expect(await viewMetadata({ keys: ["team", "plan"] })).toEqual({ team: "events", plan: "pro" });
    expect(await c.call("{ [key: string]: string; }", () => sdk.metadata.viewUserMetadataByKey(c.master, "mia", "team"))).toEqual({ team: "events" });

    const update = (metadata: Record<string, string>, upsert: boolean) => () =>
      sdk.users.updateUserMetadata(c.master, "mia", { updateUserMetadataData: { metadata, upsert } });
    expect(await c.call("UpdateUserMetadataResponse", update({ team: "live" }, false))).toMatchObject({ metadata: { team: "live" }, upsert: false });
    expect(await c.call("UpdateUserMetadataResponse", update({ city: "Seoul" }, true))).toMatchObject({ metadata: { city: "Seoul" }, upsert: true });
    const byKey = () => sdk.users.updateUserMetadataByKey(c.master, "mia", "plan", { body: { value: "free" } });
    expect(await c.call("{ [key: string]: string; }", byKey)).toEqual({ plan: "free" });

    await c.call("void", () => sdk.users.deleteUserMetadata(c.master, "mia", { key: "city" }));
    await c.call("void", () => sdk.users.deleteUserMetadataByKey(c.master, "mia", "plan"));
    expect(await viewMetadata()).toEqual({ team: "live" });
    await c.call("void", () => sdk.users.deleteUserMetadata(c.master, "mia"));
    expect(await viewMetadata()).toEqual({});
    await c.fails(400201, () => sdk.metadata.viewUserMetadataByKey(c.master, "nobody", "team"));
  });
});

describe("secondary API tokens through ApplicationApi", () => {
  test("generates, lists, views and revokes tokens with the master token", async () => {
    const first = await c.call("GenerateSecondaryApiTokenResponse", () => sdk.application.generateSecondaryApiToken(c.master));
    // The 1.x spec's body; the current doc page sends {}, and this client sends nothing at all without data.
    const generate = () => sdk.application.generateSecondaryApiToken(c.master, { generateSecondaryApiTokenData: { HTTP_API_TOKEN: c.master } });
    const second = await c.call("GenerateSecondaryApiTokenResponse", generate);
    expect(first).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{40}$/), created_at: Math.floor(testNow / 1000) });
    const token = first.token ?? "";

    const listed = await c.call("ListSecondaryApiTokensResponse", () => sdk.application.listSecondaryApiTokens(c.master));
    expect(listed.api_tokens?.map((t) => t.token)).toEqual([token, second.token]);
    const view = () => sdk.application.viewSecondaryApiTokenByToken(c.master, token);
    expect(await c.call("ViewSecondaryApiTokenByTokenResponse", view)).toMatchObject({ token });
    await c.call("RevokeSecondaryApiTokenByTokenResponse", () => sdk.application.revokeSecondaryApiTokenByToken(c.master, token));
    await c.fails(400201, view);
  });

  test("accepts a secondary token on users but not on the token endpoints", async () => {
    const { token = "" } = await c.call("GenerateSecondaryApiTokenResponse", () => sdk.application.generateSecondaryApiToken(c.master));
    await c.call("ListUsersResponse", () => sdk.users.listUsers(token));
    await c.fails(400108, () => sdk.application.listSecondaryApiTokens(token));
    await c.fails(400108, () => sdk.application.generateSecondaryApiToken(token));
  });
});

// Sendbird's generated TypeScript client (npm sendbird-platform-sdk-typescript) against the emulator over HTTP.
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { CreateUserData, UpdateUserByIdData } from "sendbird-platform-sdk-typescript";
import { testNow } from "../testing/harness";
import { startContract } from "./contract";
import type { Contract } from "./contract";
import { publishedExceptions } from "./published-exceptions";
import { typescriptError, typescriptSdk } from "./typescript-sdk";

let c: Contract;
let sdk: ReturnType<typeof typescriptSdk>;
beforeEach(async () => {
  c = await startContract(typescriptError);
  sdk = typescriptSdk(c.origin);
});
afterEach(() => c.close());

const weekMs = 7 * 24 * 60 * 60 * 1000;

function createUser(userId: string, extra: Partial<CreateUserData> = {}) {
  return c.call("SendBirdUser", () => sdk.users.createUser(c.master, { userId, nickname: userId.toUpperCase(), profileUrl: "", ...extra }));
}

/** The client's 1.x types require user_id, nickname and profile_url on every update, so each update resends them. */
function updateUser(userId: string, data: Partial<UpdateUserByIdData>) {
  const body = { userId, nickname: userId.toUpperCase(), profileUrl: "", ...data };
  return c.call("SendBirdUser", () => sdk.users.updateUserById(c.master, userId, body));
}

function viewUser(userId: string) {
  return c.call("SendBirdUser", () => sdk.users.viewUserById(c.master, userId));
}

/** The items the emulator answers; the client itself returns an empty model for this flat answer. */
async function viewMetadata(key?: string, keys?: string[]): Promise<unknown> {
  const run = () => sdk.metadata.viewUserMetadata(c.master, "mia", key, keys);
  return (await c.callForJson("ViewUserMetadataResponse", run, [publishedExceptions.viewedMetadataIsFlat])).json;
}

async function storedMetadata(): Promise<unknown> {
  return (await viewUser("mia")).metadata;
}

describe("users through UserApi", () => {
  test("creates, views, updates, deactivates, reactivates and deletes a user", async () => {
    const created = await createUser("mia", { metadata: { team: "events" } });
    expect(created).toMatchObject({ userId: "mia", isCreated: true, isActive: true, metadata: { team: "events" } });
    expect(await viewUser("mia")).toMatchObject({ userId: "mia", nickname: "MIA" });
    // The client's 1.x model has no unread_message_count, so it drops what the emulator sends.
    const withCount = () => sdk.users.viewUserById(c.master, "mia", true);
    const counted = await c.call("SendBirdUser", withCount, [publishedExceptions.unreadMessageCount]);
    expect(counted).toMatchObject({ userId: "mia" });
    expect(counted).not.toHaveProperty("unreadMessageCount");
    expect(await updateUser("mia", { nickname: "Mia K", preferredLanguages: ["ko"] })).toMatchObject({ nickname: "Mia K", preferredLanguages: ["ko"] });

    expect(await updateUser("mia", { isActive: false, leaveAllWhenDeactivated: true })).toMatchObject({ isActive: false });
    const deactivated = await c.call("ListUsersResponse", () => sdk.users.listUsers(c.master, undefined, 10, "deactivated"));
    expect(deactivated.users?.map((u) => u.userId)).toEqual(["mia"]);
    expect(await updateUser("mia", { isActive: true })).toMatchObject({ isActive: true });

    expect(await c.call("any", () => sdk.users.deleteUserById(c.master, "mia"))).toEqual({});
    await c.fails(400201, () => sdk.users.viewUserById(c.master, "mia"));
  });

  test("lists users page by page until next is empty", async () => {
    const ids = ["ava", "ben", "cho", "dev", "eli"];
    for (const id of ids) await createUser(id);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.call("ListUsersResponse", () => sdk.users.listUsers(c.master, token, 2));
      seen.push(...(page.users ?? []).map((u) => u.userId ?? ""));
      token = page.next || undefined;
    } while (token);
    expect(seen).toEqual(ids);
  });

  test("filters the list by ids, nickname and metadata, each list filter a comma-joined string", async () => {
    await createUser("ava", { nickname: "Ava", metadata: { team: "events" } });
    await createUser("bea", { nickname: "Bea" });
    await createUser("ben", { nickname: "Ben", metadata: { team: "sales" } });
    const ids = async (...filters: [string?, string?, string?, string?, string?]) => {
      const page = await c.call("ListUsersResponse", () => sdk.users.listUsers(c.master, undefined, 10, "all", undefined, ...filters));
      return page.users?.map((u) => u.userId);
    };
    expect(await ids("ava,bea")).toEqual(["ava", "bea"]);
    expect(await ids(undefined, "Ben")).toEqual(["ben"]);
    expect(await ids(undefined, undefined, "be")).toEqual(["bea", "ben"]);
    expect(await ids(undefined, undefined, undefined, "team", "events,sales")).toEqual(["ava", "ben"]);
  });

  test("refuses an unknown user, a duplicate user and an invalid Api-Token with Sendbird's codes", async () => {
    await createUser("mia");
    await c.fails(400201, () => sdk.users.viewUserById(c.master, "nobody"));
    await c.fails(400202, () => sdk.users.createUser(c.master, { userId: "mia", nickname: "Again", profileUrl: "" }));
    await c.fails(400401, () => sdk.users.listUsers("not-an-api-token"));
  });
});

describe("session tokens", () => {
  test("issues a token for seven days by default, or until expires_at", async () => {
    await createUser("mia");
    const token = await c.call("CreateUserTokenResponse", () => sdk.users.createUserToken(c.master, "mia"));
    expect(token).toMatchObject({ token: expect.stringMatching(/^eyJ/), expiresAt: testNow + weekMs });
    const expiresAt = testNow + 60_000;
    expect(await c.call("CreateUserTokenResponse", () => sdk.users.createUserToken(c.master, "mia", { expiresAt }))).toMatchObject({ expiresAt });
    // Tokens from /token are stateless, so the user shows none.
    expect(await viewUser("mia")).not.toHaveProperty("sessionTokens");
  });

  test("lists a token issued the deprecated way, and revokes all of them", async () => {
    await createUser("mia");
    const updated = await updateUser("mia", { issueSessionToken: true });
    expect(updated.sessionTokens).toEqual([{ session_token: expect.stringMatching(/^eyJ/), expires_at: testNow + weekMs }]);
    // Neither published client has a method for DELETE /v3/users/{user_id}/token; the doc page documents an empty answer.
    // https://sendbird.com/docs/chat/v3/platform-api/user/managing-session-tokens/revoke-all-session-tokens
    await c.fetch("DELETE", "/v3/users/mia/token", "void");
    expect(await viewUser("mia")).not.toHaveProperty("sessionTokens");
  });
});

describe("user metadata through MetadataApi", () => {
  test("creates, views, updates and deletes items in every published way", async () => {
    await createUser("mia");
    // The answer is the flat map the doc page shows; the client's model cannot hold it and returns an empty object.
    const create = () => sdk.metadata.createUserMetadata(c.master, "mia", { metadata: { team: "events", plan: "pro" } });
    expect({ ...(await c.call("CreateUserMetadataResponse", create, [publishedExceptions.createdMetadataIsFlat])) }).toEqual({});
    expect(await viewMetadata()).toEqual({ team: "events", plan: "pro" });
    expect(await viewMetadata("team")).toEqual({ team: "events" });
    expect(await viewMetadata(undefined, ["team", "plan"])).toEqual({ team: "events", plan: "pro" });
    const viewKey = () => sdk.metadata.viewUserMetadataByKey(c.master, "mia", "team");
    expect(await c.call("{ [key: string]: string; }", viewKey)).toEqual({ team: "events" });

    const update = (metadata: Record<string, string>, upsert: boolean) => () => sdk.metadata.updateUserMetadata(c.master, "mia", { metadata, upsert });
    expect(await c.call("UpdateUserMetadataResponse", update({ team: "live" }, false))).toMatchObject({ metadata: { team: "live" }, upsert: false });
    expect(await c.call("UpdateUserMetadataResponse", update({ city: "Seoul" }, true))).toMatchObject({ metadata: { city: "Seoul" }, upsert: true });
    const byKey = () => sdk.metadata.updateUserMetadataByKey(c.master, "mia", "plan", { value: "free" });
    expect(await c.call("{ [key: string]: string; }", byKey)).toEqual({ plan: "free" });

    await c.call("void", () => sdk.metadata.deleteUserMetadata(c.master, "mia", "city"));
    await c.call("void", () => sdk.metadata.deleteUserMetadataByKey(c.master, "mia", "plan"));
    expect(await storedMetadata()).toEqual({ team: "live" });
    await c.call("void", () => sdk.metadata.deleteUserMetadata(c.master, "mia"));
    expect(await storedMetadata()).toEqual({});
    await c.fails(400201, () => sdk.metadata.viewUserMetadataByKey(c.master, "nobody", "team"));
  });
});

describe("secondary API tokens through ApplicationApi", () => {
  test("generates, lists, views and revokes tokens with the master token", async () => {
    const first = await c.call("GenerateSecondaryApiTokenResponse", () => sdk.application.generateSecondaryApiToken(c.master));
    // The 1.x spec's body; the current doc page sends {}, as the call above does.
    const second = await c.call("GenerateSecondaryApiTokenResponse", () => sdk.application.generateSecondaryApiToken(c.master, { HTTP_API_TOKEN: c.master }));
    expect(first).toMatchObject({ token: expect.stringMatching(/^[0-9a-f]{40}$/), createdAt: Math.floor(testNow / 1000) });
    const token = first.token ?? "";

    const listed = await c.call("ListSecondaryApiTokensResponse", () => sdk.application.listSecondaryApiTokens(c.master));
    expect(listed.apiTokens?.map((t) => t.token)).toEqual([token, second.token]);
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

import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { sessionTokenSchema, userListSchema, userSchema } from "@/lib/sendbird/schemas";
import type { User } from "@/lib/sendbird/schemas";
import { expectChatError, startTestEmulator, testNow } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";

const day = 24 * 60 * 60 * 1000;

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(() => t.close());

const userPath = (id: string) => `/v3/users/${encodeURIComponent(id)}`;

async function createUser(user_id: string, extra: Record<string, unknown> = {}): Promise<User> {
  const res = await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "", ...extra } });
  expect(res.status).toBe(200);
  return userSchema.parse(res.json);
}

async function viewUser(id: string): Promise<User> {
  const res = await t.call("GET", userPath(id));
  expect(res.status).toBe(200);
  return userSchema.parse(res.json);
}

async function listUserIds(query: string): Promise<string[]> {
  const res = await t.call("GET", `/v3/users${query}`);
  expect(res.status).toBe(200);
  return userListSchema.parse(res.json).users.map((u) => u.user_id);
}

async function userCount(): Promise<number> {
  return (await t.control("GET", "")).json.counts.users;
}

describe("POST /v3/users", () => {
  test("creates a user and returns it with is_created", async () => {
    const res = await t.call("POST", "/v3/users", {
      body: { user_id: "host-alice", nickname: "Alice", profile_url: "https://cdn.example.com/a.png", metadata: { team: "events" } },
    });
    expect(res.status).toBe(200);
    const user = userSchema.parse(res.json);
    expect(user).toMatchObject({
      user_id: "host-alice",
      nickname: "Alice",
      profile_url: "https://cdn.example.com/a.png",
      metadata: { team: "events" },
      is_active: true,
      is_online: false,
      is_created: true,
      created_at: Math.floor(testNow / 1000),
    });
    expect(user.access_token).toBeUndefined();
    expect(await viewUser("host-alice")).toEqual({ ...user, is_created: undefined });
  });

  test("issues an access token when asked", async () => {
    const user = await createUser("bob", { issue_access_token: true });
    expect(user.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  test("accepts the longest allowed values", async () => {
    const id = "u".repeat(80);
    const metadata = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${i}`.padEnd(128, "k"), "v".repeat(190)]));
    const user = await createUser(id, { nickname: "n".repeat(80), profile_url: `https://x/${"p".repeat(2038)}`, metadata });
    expect(user.user_id).toBe(id);
    expect(user.profile_url).toHaveLength(2048);
    expect(Object.keys(user.metadata)).toHaveLength(5);
  });

  test("counts a user id's length in characters, not UTF-16 units", async () => {
    const id = "😀".repeat(80);
    expect((await createUser(id)).user_id).toBe(id);
  });

  const valid = { user_id: "carol", nickname: "Carol", profile_url: "" };
  test.each([
    ["a user_id over 80 characters", { ...valid, user_id: "u".repeat(81) }, 400305],
    ["a nickname over 80 characters", { ...valid, nickname: "n".repeat(81) }, 400110],
    ["a profile_url over 2048 characters", { ...valid, profile_url: "p".repeat(2049) }, 400110],
    ["6 metadata items", { ...valid, metadata: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, "v"])) }, 400203],
    ["a metadata key over 128 characters", { ...valid, metadata: { ["k".repeat(129)]: "v" } }, 400110],
    ["a metadata value over 190 characters", { ...valid, metadata: { k: "v".repeat(191) } }, 400110],
    ["a comma in a metadata key", { ...valid, metadata: { "a,b": "v" } }, 400111],
    ["a missing user_id", { nickname: "Carol", profile_url: "" }, 400105],
    ["a missing nickname", { user_id: "carol", profile_url: "" }, 400105],
    ["a missing profile_url", { user_id: "carol", nickname: "Carol" }, 400105],
    ["a blank user_id", { ...valid, user_id: "   " }, 400151],
    ["a number user_id", { ...valid, user_id: 42 }, 400100],
    ["a number metadata value", { ...valid, metadata: { k: 1 } }, 400100],
    ["a string discovery_keys", { ...valid, discovery_keys: "a" }, 400102],
    ["metadata as a list", { ...valid, metadata: ["a"] }, 400103],
    ["a string issue_access_token", { ...valid, issue_access_token: "yes" }, 400104],
    ["a body that is a list", [valid], 400103],
    ["a body that is a string", "carol", 400103],
  ])("refuses %s and creates nobody", async (_name, body, code) => {
    expectChatError(await t.call("POST", "/v3/users", { body }), code);
    expect(await userCount()).toBe(0);
  });

  test("refuses text where a number belongs with 400101", async () => {
    await createUser("carol");
    expectChatError(await t.call("PUT", userPath("carol"), { body: { last_seen_at: "yesterday" } }), 400101);
    expectChatError(await t.call("POST", `${userPath("carol")}/token`, { body: { expires_at: "tomorrow" } }), 400101);
  });

  test("creates a user from a multipart body with a profile_file", async () => {
    const form = new FormData();
    form.set("user_id", "pic");
    form.set("nickname", "Pic");
    form.set("issue_access_token", "true");
    form.set("profile_file", new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: "image/png" }), "pic.png");
    const request = new Request("http://emulator.invalid/", { method: "POST", body: form });
    const res = await t.call("POST", "/v3/users", {
      raw: new Uint8Array(await request.arrayBuffer()),
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    });
    expect(res.status).toBe(200);
    const user = userSchema.parse(res.json);
    expect(user).toMatchObject({ user_id: "pic", nickname: "Pic" });
    expect(user.profile_url).not.toBe("");
    expect(user.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  test("refuses a duplicate user_id with 400202 and keeps the first user", async () => {
    await createUser("dave", { nickname: "First" });
    expectChatError(await t.call("POST", "/v3/users", { body: { user_id: "dave", nickname: "Second", profile_url: "" } }), 400202);
    expect((await viewUser("dave")).nickname).toBe("First");
  });

  test("refuses a body that is not JSON with 400403", async () => {
    expectChatError(await t.call("POST", "/v3/users", { raw: '{"user_id": "x",' }), 400403);
    expect(await userCount()).toBe(0);
  });

  test("refuses a request without a token with 400401", async () => {
    expectChatError(await t.call("POST", "/v3/users", { token: null, body: valid }), 400401);
    expectChatError(await t.call("GET", "/v3/users", { token: null }), 400401);
    expectChatError(await t.call("GET", "/v3/users", { token: "not-a-token" }), 400401);
    expect(await userCount()).toBe(0);
  });
});

describe("GET /v3/users", () => {
  async function people() {
    await createUser("ann", { nickname: "Ann Lee", metadata: { team: "events", plan: "pro" } });
    await createUser("anna", { nickname: "anna k", metadata: { team: "support" } });
    await createUser("ben", { nickname: "Ben", metadata: { team: "events" } });
    await createUser("cid", { nickname: "Ann Lee", metadata: { plan: "free" } });
    await createUser("dee", { nickname: "Dee" });
    expect((await t.call("PUT", userPath("dee"), { body: { is_active: false } })).status).toBe(200);
  }

  test.each([
    ["", ["ann", "anna", "ben", "cid"]],
    ["?user_ids=ben,ann,zed", ["ann", "ben"]],
    ["?user_ids=dee", []],
    [`?nickname=${encodeURIComponent("Ann Lee")}`, ["ann", "cid"]],
    ["?nickname=ann", []],
    ["?nickname_startswith=ann", ["ann", "anna", "cid"]],
    ["?nickname_startswith=B", ["ben"]],
    ["?metadatakey=team", ["ann", "anna", "ben"]],
    ["?metadatakey=team&metadatavalues_in=events", ["ann", "ben"]],
    ["?metadatakey=team&metadatavalues_in=support,nothing", ["anna"]],
    ["?metadatakey=plan&metadatavalues_in=pro,free", ["ann", "cid"]],
    ["?active_mode=activated", ["ann", "anna", "ben", "cid"]],
    ["?active_mode=deactivated", ["dee"]],
    ["?active_mode=all", ["ann", "anna", "ben", "cid", "dee"]],
    ["?active_mode=all&user_ids=dee,ben", ["ben", "dee"]],
  ])("filters %s, oldest first", async (query, expected) => {
    await people();
    expect(await listUserIds(query)).toEqual(expected);
  });

  test("walks pages by feeding next back as token until next is empty", async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `user-${i}`);
    for (const id of ids) await createUser(id);
    const seen: string[] = [];
    const sizes: number[] = [];
    let query = "?limit=3";
    for (;;) {
      const res = await t.call("GET", `/v3/users${query}`);
      const page = userListSchema.parse(res.json);
      seen.push(...page.users.map((u) => u.user_id));
      sizes.push(page.users.length);
      if (page.next === "") break;
      expect(page.next).toEqual(expect.any(String));
      query = `?limit=3&token=${encodeURIComponent(page.next ?? "")}`;
    }
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(ids);
  });

  test.each([
    ["?limit=0", 400111],
    ["?limit=101", 400111],
    ["?limit=many", 400101],
    ["?active_mode=sleeping", 400111],
    ["?metadatavalues_in=a", 400111],
    ["?show_bot=maybe", 400104],
    ["?token=garbage", 400109],
    [`?user_ids=${Array.from({ length: 251 }, (_, i) => `u${i}`).join(",")}`, 400203],
  ])("refuses %s", async (query, code) => {
    expectChatError(await t.call("GET", `/v3/users${query}`), code);
  });

  test("names the page-token parameter as Sendbird does: token", async () => {
    expect((await t.call("GET", "/v3/users?token=garbage")).json.message).toContain('"token"');
  });
});

describe("GET /v3/users/{user_id}", () => {
  test('answers an unknown user with HTTP 400 code 400201 "User" not found.', async () => {
    const res = await t.call("GET", userPath("ghost"));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: true, code: 400201, message: '"User" not found.' });
  });

  test("refuses a user_id over 80 characters with 400305", async () => {
    expectChatError(await t.call("GET", userPath("u".repeat(81))), 400305);
  });

  test("adds unread_message_count (none: there are no channels) with include_unread_count", async () => {
    await createUser("una");
    expect((await t.call("GET", `${userPath("una")}?include_unread_count=true`)).json.unread_message_count).toBe(0);
    expect((await t.call("GET", userPath("una"))).json).not.toHaveProperty("unread_message_count");
  });

  test.each([
    ["a space", "ann lee"],
    ["a slash", "team/ann"],
    ["a percent sign", "100%ann"],
    ["a question mark and hash", "who?#ann"],
    ["unicode", "Zoë-Ångström-日本"],
    ["an emoji", "ann😀🎉"],
    ["an encoded-looking string", "%41%2F"],
  ])("round-trips a user id with %s when it is encodeURIComponent'ed", async (_name, id) => {
    await createUser(id);
    expect((await viewUser(id)).user_id).toBe(id);
    expect((await t.call("PUT", userPath(id), { body: { nickname: "renamed" } })).json.nickname).toBe("renamed");
    expect(await listUserIds(`?user_ids=${encodeURIComponent(id)}`)).toEqual([id]);
    expect((await t.call("POST", `${userPath(id)}/token`, { body: {} })).status).toBe(200);
    expect((await t.call("DELETE", userPath(id))).status).toBe(200);
    expectChatError(await t.call("GET", userPath(id)), 400201);
  });
});

describe("PUT /v3/users/{user_id}", () => {
  test("updates nickname and profile_url, and leaves metadata to its own endpoints", async () => {
    await createUser("erin", { metadata: { a: "1" } });
    const res = await t.call("PUT", userPath("erin"), { body: { nickname: "Erin", profile_url: "https://x/e.png", metadata: { b: "2" } } });
    expect(res.status).toBe(200);
    expect(userSchema.parse(res.json)).toMatchObject({ nickname: "Erin", profile_url: "https://x/e.png", metadata: { a: "1" } });
    expect(await viewUser("erin")).toMatchObject({ nickname: "Erin", metadata: { a: "1" } });
  });

  test("issue_session_token (the deprecated way) stores a token the user then lists, until revoked", async () => {
    await createUser("ivy");
    const expiresAt = Date.UTC(2026, 11, 1);
    const res = await t.call("PUT", userPath("ivy"), { body: { issue_session_token: true, session_token_expires_at: expiresAt } });
    expect(res.json.session_tokens).toEqual([{ session_token: expect.stringMatching(/^eyJ/), expires_at: expiresAt }]);
    expect((await viewUser("ivy")).session_tokens).toHaveLength(1);
    await t.call("DELETE", `${userPath("ivy")}/token`);
    expect((await viewUser("ivy")).session_tokens).toBeUndefined();
  });

  test("refuses issue_session_token for a user it deactivates, changing nothing", async () => {
    const before = await createUser("jay");
    expectChatError(await t.call("PUT", userPath("jay"), { body: { is_active: false, issue_session_token: true } }), 400300);
    expect(await viewUser("jay")).toEqual({ ...before, is_created: undefined });
  });

  test("deactivates with is_active false and reactivates with true", async () => {
    await createUser("fay");
    const off = await t.call("PUT", userPath("fay"), { body: { is_active: false } });
    expect(off.json.is_active).toBe(false);
    expect(await listUserIds("")).toEqual([]);
    expect(await listUserIds("?active_mode=deactivated")).toEqual(["fay"]);
    expectChatError(await t.call("POST", `${userPath("fay")}/token`, { body: {} }), 400300);

    const on = await t.call("PUT", userPath("fay"), { body: { is_active: true } });
    expect(on.json.is_active).toBe(true);
    expect(await listUserIds("")).toEqual(["fay"]);
  });

  test("issue_access_token replaces the access token", async () => {
    const before = (await createUser("gil", { issue_access_token: true })).access_token;
    const res = await t.call("PUT", userPath("gil"), { body: { issue_access_token: true } });
    const after = userSchema.parse(res.json).access_token;
    expect(after).toMatch(/^[0-9a-f]{40}$/);
    expect(after).not.toBe(before);
    expect((await viewUser("gil")).access_token).toBe(after);
  });

  test.each([
    ["a nickname over 80 characters", { nickname: "n".repeat(81) }, 400110],
    ["is_active as text", { is_active: "false" }, 400104],
    ["5 preferred languages", { preferred_languages: ["en", "fr", "de", "es", "it"] }, 400203],
    ["a nickname and a bad is_active together", { nickname: "Changed", is_active: 1 }, 400104],
  ])("refuses %s and changes nothing", async (_name, body, code) => {
    const before = await createUser("hal", { nickname: "Hal", metadata: { a: "1" } });
    expectChatError(await t.call("PUT", userPath("hal"), { body }), code);
    expect(await viewUser("hal")).toEqual({ ...before, is_created: undefined });
  });

  test("refuses an unknown user with 400201", async () => {
    expectChatError(await t.call("PUT", userPath("ghost"), { body: { nickname: "x" } }), 400201);
  });
});

describe("DELETE /v3/users/{user_id}", () => {
  test("deletes a user with an empty body, then the user is gone", async () => {
    await createUser("ivy");
    const res = await t.call("DELETE", userPath("ivy"));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
    expectChatError(await t.call("GET", userPath("ivy")), 400201);
    expectChatError(await t.call("DELETE", userPath("ivy")), 400201);
    expect(await userCount()).toBe(0);
  });
});

describe("session tokens", () => {
  test("issues a token of 119–168 characters that expires in 7 days by default", async () => {
    await createUser("jo");
    const res = await t.call("POST", `${userPath("jo")}/token`, { body: {} });
    expect(res.status).toBe(200);
    const token = sessionTokenSchema.parse(res.json);
    expect(token.token.length).toBeGreaterThanOrEqual(119);
    expect(token.token.length).toBeLessThanOrEqual(168);
    expect(token.expires_at).toBe(testNow + 7 * day);
  });

  test("issues a token with the asked expiry, and refuses one in the past", async () => {
    await createUser("jo");
    const res = await t.call("POST", `${userPath("jo")}/token`, { body: { expires_at: testNow + day } });
    expect(sessionTokenSchema.parse(res.json).expires_at).toBe(testNow + day);
    expectChatError(await t.call("POST", `${userPath("jo")}/token`, { body: { expires_at: testNow - 1 } }), 400111);
  });

  test("issues distinct tokens that are not stored (later reads do not show them), and revokes with DELETE", async () => {
    await createUser("kim");
    const a = sessionTokenSchema.parse((await t.call("POST", `${userPath("kim")}/token`)).json);
    const b = sessionTokenSchema.parse((await t.call("POST", `${userPath("kim")}/token`)).json);
    expect(a.token).not.toBe(b.token);
    expect((await viewUser("kim")).session_tokens).toBeUndefined();
    expect(JSON.stringify((await t.call("GET", "/v3/users?user_ids=kim")).json)).not.toContain(a.token);
    const res = await t.call("DELETE", `${userPath("kim")}/token`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({});
  });

  test("refuses tokens for an unknown user with 400201", async () => {
    expectChatError(await t.call("POST", `${userPath("ghost")}/token`), 400201);
    expectChatError(await t.call("DELETE", `${userPath("ghost")}/token`), 400201);
  });
});

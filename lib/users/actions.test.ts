import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { staffMember } from "@/lib/auth/testing";
import { runAction } from "@/lib/actions/core";
import type { ActionDefinition } from "@/lib/actions/core";
import { listAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import {
  addUserMetadata,
  changeUserMetadata,
  createUser,
  deactivateUser,
  deleteUser,
  issueSessionToken,
  reactivateUser,
  refreshUserActivity,
  removeUserMetadata,
  revokeSessionTokens,
  updateUser,
} from "./actions";

const meta = { requestId: "req-users", ip: "192.0.2.50", userAgent: "test" };
const operator = staffMember("operator");
const support = staffMember("support");

describe("managing users", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions with different input types
  const act = <T>(def: ActionDefinition<any, T>, input: unknown, user = operator) =>
    runAction(def, input, { user, db: d.db, sendbird: emulatedClient(t), meta });

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
    // The emulator's clock stands still at its test time; a year's window keeps its events in reach.
    process.env.SHOWRUNNER_ACTIVITY_WINDOW_DAYS = "365";
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });

  test("creates a user with metadata, and refuses over-long fields beside them without calling Sendbird", async () => {
    const bad = await act(createUser, {
      userId: "u".repeat(81),
      nickname: "n".repeat(81),
      profileUrl: "ftp://x",
      metadata: [{ key: "a,b", value: "v" }],
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        fields: {
          userId: "A user id is at most 80 characters.",
          nickname: "A nickname is at most 80 characters.",
          profileUrl: "Use an http(s) URL, or leave it empty.",
          "metadata.0.key": "A key cannot contain a comma.",
        },
      },
    });
    const tooMany = await act(createUser, {
      userId: "ada",
      nickname: "Ada",
      profileUrl: "",
      metadata: Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: "" })),
    });
    expect(tooMany).toMatchObject({ ok: false, error: { fields: { metadata: "At most 5 metadata items." } } });
    expect((await t.call("GET", "/v3/users/ada")).status).toBe(400);

    const made = await act(createUser, { userId: "ada", nickname: "Ada", profileUrl: "", metadata: [{ key: "team", value: "events" }] });
    expect(made).toMatchObject({ ok: true, data: { userId: "ada", nickname: "Ada", metadata: { team: "events" } } });
    expect(await act(createUser, { userId: "ada", nickname: "Again", profileUrl: "", metadata: [] })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already/i) },
    });
  });

  test("edits, deactivates (keeping channels if asked) and reactivates", async () => {
    expect(await act(updateUser, { userId: "ada", nickname: "Ada L.", profileUrl: "https://cdn.example.com/ada.png" })).toMatchObject({
      ok: true,
      data: { nickname: "Ada L.", profileUrl: "https://cdn.example.com/ada.png", metadata: { team: "events" } },
    });
    expect(await act(updateUser, { userId: "ada", nickname: "Ada", profileUrl: "", metadata: [] })).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
    expect(await act(deactivateUser, { userId: "ada", leaveAllChannels: false })).toMatchObject({ ok: true, data: { isActive: false } });
    expect(await act(reactivateUser, { userId: "ada" })).toMatchObject({ ok: true, data: { isActive: true } });
  });

  test("adds, changes and removes metadata one key at a time, each audited by its key and never its value", async () => {
    expect(await act(addUserMetadata, { userId: "ada", key: " city ", value: "Seoul" })).toMatchObject({ ok: true, data: { key: "city", value: "Seoul" } });
    expect(await act(changeUserMetadata, { userId: "ada", key: "city", value: "Busan" })).toMatchObject({ ok: true });
    expect(await act(removeUserMetadata, { userId: "ada", key: "city" })).toMatchObject({ ok: true });
    expect((await t.call("GET", "/v3/users/ada")).json.metadata).toEqual({ team: "events" });
    const rows = await listAudit(d.db, { targetId: "ada" });
    for (const action of ["user.metadata.add", "user.metadata.change", "user.metadata.remove"]) {
      expect(rows.find((r) => r.action === action)).toMatchObject({ outcome: "success", details: { key: "city" } });
    }
    expect(JSON.stringify(rows)).not.toMatch(/Seoul|Busan/);
  });

  test("a metadata change that someone else's change overtook is refused by Sendbird, and says so", async () => {
    expect(await act(addUserMetadata, { userId: "ada", key: "team", value: "x" })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/already/i) },
    });
    expect(await act(changeUserMetadata, { userId: "ada", key: "gone", value: "x" })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Not found/) },
    });
    expect(await act(removeUserMetadata, { userId: "ada", key: "gone" })).toMatchObject({ ok: false });
    const [row] = await listAudit(d.db, { targetId: "ada", action: "user.metadata.change", outcome: "failure" });
    expect(row).toMatchObject({ sendbirdCode: 400201, details: { key: "gone" } });
  });

  test.each([
    ["a comma in the key", { key: "a,b", value: "1" }, { key: "A key cannot contain a comma." }],
    ["an empty key", { key: "  ", value: "1" }, { key: "A key cannot be empty." }],
    ["a value over 190 characters", { key: "a", value: "v".repeat(191) }, { value: "A value is at most 190 characters." }],
  ])("refuses %s beside the field without calling Sendbird", async (_name, item, fields) => {
    expect(await act(addUserMetadata, { userId: "ada", ...item })).toMatchObject({ ok: false, error: { fields } });
  });

  test("support may not change metadata", async () => {
    expect(await act(removeUserMetadata, { userId: "ada", key: "team" }, support)).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  test("issues a session token once, records only its expiry, and revokes them all", async () => {
    const issued = await act(issueSessionToken, { userId: "ada", lifetime: "1d" });
    if (!issued.ok) throw new Error(issued.error.message);
    expect(issued.data.token.length).toBeGreaterThan(20);
    expect(issued.data.expiresAt).toBeGreaterThan(Date.now() + 86_000_000);
    const rows = await listAudit(d.db, { targetId: "ada" });
    expect(rows.find((r) => r.action === "user.issue_session_token")).toMatchObject({
      outcome: "success",
      details: { lifetime: "1d", expires_at: expect.any(String) },
    });
    expect(JSON.stringify(rows)).not.toContain(issued.data.token);
    expect(await act(revokeSessionTokens, { userId: "ada" })).toMatchObject({ ok: true });
  });

  test("deletes only after the user id is typed, and support may do none of it", async () => {
    expect(await act(deleteUser, { userId: "ada", confirmation: "ad" })).toMatchObject({
      ok: false,
      error: { fields: { confirmation: 'Type "ada" to delete this user.' } },
    });
    expect((await t.call("GET", "/v3/users/ada")).status).toBe(200);
    expect(await act(deleteUser, { userId: "ada", confirmation: "ada" }, support)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await act(deleteUser, { userId: "ada", confirmation: "ada" })).toMatchObject({ ok: true });
    expect((await t.call("GET", "/v3/users/ada")).status).toBe(400);
    expect(await act(reactivateUser, { userId: "ada" })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Not found/) } });
  });

  test("support may refresh a user's activity now: the events not over are read, and the read is audited", async () => {
    const { live_event: event } = (
      await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host"], title: "Open now" } })
    ).json as {
      live_event: { live_event_id: string };
    };
    expect(await act(refreshUserActivity, { userId: "bob" }, support)).toMatchObject({ ok: true, data: { events: 1 } });
    const [row] = await listAudit(d.db, { targetId: "bob", action: "user.refresh_activity" });
    expect(row).toMatchObject({ outcome: "success", actorEmail: "support@example.com", details: { events: 1 } });
    expect(await act(refreshUserActivity, { userId: "" }, support)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(event.live_event_id).toBeTruthy();
  });
});

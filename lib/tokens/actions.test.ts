import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { staffMember } from "@/lib/auth/testing";
import type { ZodType } from "zod";
import { runAction } from "@/lib/actions/core";
import type { ActionDefinition } from "@/lib/actions/core";
import { listAudit } from "@/lib/audit/store";
import type { OpenDatabase } from "@/lib/db";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { abandonRotation, checkRotation, finishRotation, generateToken, revokeToken, startRotation } from "./actions";
import { tokenListing } from "./listing";
import { lastUses, currentRotation } from "./store";
import type { TokenRef } from "./store";

const meta = { requestId: "req-tokens", ip: "192.0.2.70", userAgent: "test" };
const admin = staffMember("admin");
const operator = staffMember("operator");
const support = staffMember("support");

/** A secondary token as the emulator lists it (created_at in seconds). */
interface Listed {
  token: string;
  created_at: number;
}
const refOf = (x: Listed): TokenRef => ({ last4: x.token.slice(-4), createdAt: x.created_at * 1000 });
const iso = (t: TokenRef) => new Date(t.createdAt).toISOString();
const refused = (code: string, detail: string) => ({ ok: false, error: { code, message: `Request refused. ${detail}` } });

describe("managing secondary API tokens", () => {
  let t: TestEmulator;
  let d: OpenDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions with different input types
  const act = <T>(def: ActionDefinition<any, T>, input: unknown, user = admin, sendbird: SendbirdClient = emulatedClient(t)) =>
    runAction(def, input, { user, db: d.db, sendbird, meta });

  const listed = async (): Promise<Listed[]> => {
    const res = await t.call("GET", "/v3/applications/api_tokens");
    expect(res.status).toBe(200);
    return res.json.api_tokens;
  };
  const values = async (): Promise<string[]> => (await listed()).map((x) => x.token);
  /** The emulator's clock stands still; a second between tokens keeps each one's last4@createdAt apart. */
  const tick = async () => expect((await t.control("POST", "/clock/advance", { ms: 1000 })).status).toBe(200);
  /** A secondary token made behind the console's back, with the master token. */
  const mint = async (): Promise<Listed> => {
    await tick();
    const res = await t.call("POST", "/v3/applications/api_tokens", { body: {} });
    expect(res.status).toBe(200);
    return res.json;
  };
  const allAudit = async () => JSON.stringify(await listAudit(d.db, { limit: 500 }));

  beforeAll(async () => {
    [t, d] = await Promise.all([startTestEmulator(), freshDatabase("pglite")]);
  }, 30_000);
  afterAll(async () => {
    await t.close();
    await d.close();
  });
  // Each test starts with no secondary token and no rotation under way.
  beforeEach(async () => {
    for (const x of await listed()) expect((await t.call("DELETE", `/v3/applications/api_tokens/${x.token}`)).status).toBe(200);
    expect(await currentRotation(d.db)).toBeNull();
  });

  test("generates a token whose value is in the answer only, and audits its last four characters", async () => {
    await tick();
    const made = await act(generateToken, {});
    if (!made.ok) throw new Error(made.error.message);
    const { token, last4, createdAt } = made.data;
    expect(Object.keys(made.data).sort()).toEqual(["createdAt", "last4", "token"]);
    expect(token.length).toBeGreaterThan(20);
    expect(last4).toBe(token.slice(-4));
    expect(await listed()).toEqual([{ token, created_at: createdAt / 1000 }]);

    const [row] = await listAudit(d.db, { action: "api_token.generate" });
    expect(row).toMatchObject({
      outcome: "success",
      actorEmail: "admin@example.com",
      targetType: "api_token",
      targetId: `…${last4}`,
      details: { created_at: new Date(createdAt).toISOString() },
    });
    expect(await allAudit()).not.toContain(token);
    expect(await act(generateToken, { count: 2 })).toMatchObject({ ok: false, error: { code: "invalid_input" } });
  });

  test("refuses an eleventh token, naming the 10 slots, and makes none", async () => {
    while ((await listed()).length < 10) await mint();
    const before = await values();
    expect(await act(generateToken, {})).toEqual(refused("no_slot", "All 10 secondary token slots are used. Revoke one you no longer need first."));
    expect(await values()).toEqual(before);
    const [row] = await listAudit(d.db, { action: "api_token.generate" });
    expect(row).toMatchObject({ outcome: "failure", targetType: "api_token", targetId: "" });
    const audit = await allAudit();
    for (const token of before) expect(audit).not.toContain(token);
  });

  test("revokes a token only once its last four characters are typed, and audits the last four alone", async () => {
    const victim = await mint();
    const keep = await mint();
    const ref = refOf(victim);

    expect(await act(revokeToken, { ...ref, confirmation: "nope" })).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: { confirmation: `Type ${ref.last4}, the token's last four characters, to revoke it.` },
      },
    });
    expect(await values()).toEqual([victim.token, keep.token]);

    expect(await act(revokeToken, { ...ref, confirmation: ` ${ref.last4} ` })).toEqual({ ok: true, data: ref });
    expect(await values()).toEqual([keep.token]);

    const rows = await listAudit(d.db, { action: "api_token.revoke" });
    expect(rows.map((r) => [r.outcome, r.targetType, r.targetId])).toEqual([
      ["success", "api_token", `…${ref.last4}`],
      ["failure", "api_token", `…${ref.last4}`],
    ]);
    expect(rows[0]?.details).toEqual({ created_at: iso(ref) });
    const audit = await allAudit();
    expect(audit).not.toContain(victim.token);
    expect(audit).not.toContain(keep.token);
  });

  test("answers the revocation of a token that no longer exists with a readable refusal", async () => {
    const gone = await mint();
    const ref = refOf(gone);
    expect((await t.call("DELETE", `/v3/applications/api_tokens/${gone.token}`)).status).toBe(200);
    expect(await act(revokeToken, { ...ref, confirmation: ref.last4 })).toEqual(
      refused("not_found", `No secondary token ending in ${ref.last4} exists any more. Reload the page.`),
    );
    // A reference that never named a token (right last four, wrong creation time) is refused alike.
    const other = await mint();
    expect(await act(revokeToken, { ...refOf(other), createdAt: refOf(other).createdAt - 1000, confirmation: refOf(other).last4 })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await values()).toEqual([other.token]);
  });

  test("a console running on a secondary token cannot revoke or rotate that token: Sendbird refuses it the token list", async () => {
    const own = await mint();
    const ref = refOf(own);
    // The console runs on a secondary token: Sendbird refuses it the token list.
    const onOwn = emulatedClient(t, { apiToken: own.token });
    expect(await tokenListing(onOwn)).toMatchObject({ kind: "secondary", consoleLast4: ref.last4 });
    const needsMaster = {
      ok: false,
      error: { code: "failed", message: "Not allowed with this token. This needs the master API token; the console runs on a secondary token." },
    };
    expect(await act(revokeToken, { ...ref, confirmation: ref.last4 }, admin, onOwn)).toEqual(needsMaster);
    expect(await act(startRotation, ref, admin, onOwn)).toEqual(needsMaster);
    expect(await act(generateToken, {}, admin, onOwn)).toEqual(needsMaster);
    expect(await values()).toEqual([own.token]);
    expect(await currentRotation(d.db)).toBeNull();
    const rows = await listAudit(d.db, { limit: 3 });
    expect(rows.map((r) => [r.action, r.outcome, r.sendbirdCode])).toEqual([
      ["api_token.generate", "failure", 400108],
      ["api_token.rotation.start", "failure", 400108],
      ["api_token.revoke", "failure", 400108],
    ]);
    expect(await allAudit()).not.toContain(own.token);
  });

  test("were its own token ever listed, the console would still refuse to revoke or rotate it, pointing at SENDBIRD_API_TOKEN", async () => {
    const own = await mint();
    const ref = refOf(own);
    // The console runs on the secondary token, but its client lists tokens with the master token.
    const listsOwn: SendbirdClient = { ...emulatedClient(t), runsOn: (value) => value === own.token };
    const revoked = await act(revokeToken, { ...ref, confirmation: ref.last4 }, admin, listsOwn);
    expect(revoked).toMatchObject({ ok: false, error: { code: "own_token", message: expect.stringContaining("SENDBIRD_API_TOKEN") } });
    expect(revoked).toMatchObject({ error: { message: expect.stringContaining(`runs on the token ending in ${ref.last4}; revoking it`) } });
    const rotated = await act(startRotation, ref, admin, listsOwn);
    expect(rotated).toMatchObject({ ok: false, error: { code: "own_token", message: expect.stringContaining("rotating it would cut the console off") } });
    // Not revoked, and no replacement was made.
    expect(await values()).toEqual([own.token]);
    expect(await currentRotation(d.db)).toBeNull();
    expect(await allAudit()).not.toContain(own.token);
  });

  test("rotates a token: the replacement shown once, checked against Sendbird, then the old token revoked", async () => {
    const old = await mint();
    const oldRef = refOf(old);
    await tick();
    const started = await act(startRotation, oldRef);
    if (!started.ok) throw new Error(started.error.message);
    const { token: replacement, rotationId, ...newRef } = started.data;
    expect(newRef.last4).toBe(replacement.slice(-4));
    expect(await values()).toEqual([old.token, replacement]);
    expect(await currentRotation(d.db)).toEqual({
      id: rotationId,
      old: oldRef,
      replacement: newRef,
      startedAt: expect.any(Number),
      startedBy: "admin@example.com",
      checkedAt: null,
    });

    // One rotation at a time; neither of its tokens may be revoked while it is under way.
    expect(await act(startRotation, oldRef)).toEqual(refused("rotation_open", "A rotation is already under way. Finish or abandon it first."));
    for (const ref of [oldRef, newRef]) {
      expect(await act(revokeToken, { ...ref, confirmation: ref.last4 })).toEqual(
        refused("in_rotation", `The token ending in ${ref.last4} is part of the rotation under way. Finish or abandon the rotation first.`),
      );
    }
    expect(await values()).toEqual([old.token, replacement]);

    // The old token stays until the replacement was shown to work.
    expect(await act(finishRotation, { rotationId, confirmation: oldRef.last4 })).toEqual(
      refused("not_checked", "Check that the new token works before the old one is revoked."),
    );
    expect(await act(checkRotation, { rotationId, token: old.token })).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: { token: `That is not the new token ending in ${newRef.last4}. Paste the value shown when the rotation started.` },
      },
    });
    expect((await currentRotation(d.db))?.checkedAt).toBeNull();
    expect(await values()).toEqual([old.token, replacement]);

    const checked = await act(checkRotation, { rotationId, token: ` ${replacement}\n` });
    if (!checked.ok) throw new Error(checked.error.message);
    expect((await currentRotation(d.db))?.checkedAt).toBe(checked.data.checkedAt);
    expect((await lastUses(d.db)).get(`${newRef.last4}@${newRef.createdAt}`)).toEqual({ at: checked.data.checkedAt, how: "rotation_check" });

    // Revoking the old token asks for its last four typed, as Revoke does.
    expect(await act(finishRotation, { rotationId, confirmation: newRef.last4 })).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Some fields need attention.",
        fields: { confirmation: `Type ${oldRef.last4}, the old token's last four characters, to revoke it.` },
      },
    });
    expect(await values()).toEqual([old.token, replacement]);
    expect(await act(finishRotation, { rotationId, confirmation: ` ${oldRef.last4} ` })).toEqual({ ok: true, data: oldRef });
    expect(await values()).toEqual([replacement]);
    expect(await currentRotation(d.db)).toBeNull();
    expect(await act(finishRotation, { rotationId, confirmation: oldRef.last4 })).toEqual(refused("no_rotation", "This rotation has ended. Reload the page."));

    const steps = ["api_token.rotation.start", "api_token.rotation.check", "api_token.rotation.finish"];
    const rows = (await listAudit(d.db, { limit: 50 })).filter((r) => steps.includes(r.action) && r.outcome === "success");
    expect(rows.map((r) => [r.action, r.targetType, r.targetId, r.details])).toEqual(
      steps.reverse().map((action) => [action, "api_token", `…${oldRef.last4}`, { created_at: iso(oldRef), replacement: `…${newRef.last4}` }]),
    );
    const audit = await allAudit();
    expect(audit).not.toContain(old.token);
    expect(audit).not.toContain(replacement);
  });

  test("abandons a rotation without revoking anything; a replacement Sendbird refuses is not taken as checked", async () => {
    const old = await mint();
    const oldRef = refOf(old);
    await tick();
    const started = await act(startRotation, oldRef);
    if (!started.ok) throw new Error(started.error.message);
    const { token: replacement, rotationId, ...newRef } = started.data;

    // Sendbird rejects the replacement on the trial read once.
    expect(
      (await t.control("POST", "/faults", { method: "GET", path: "/v3/users", status: 400, code: 400401, message: "Invalid API token.", count: 1 })).status,
    ).toBe(200);
    expect(await act(checkRotation, { rotationId, token: replacement })).toEqual({
      ok: false,
      error: { code: "invalid_input", message: "Some fields need attention.", fields: { token: "Sendbird refused this token. Start a new rotation." } },
    });
    expect((await currentRotation(d.db))?.checkedAt).toBeNull();
    expect((await lastUses(d.db)).has(`${newRef.last4}@${newRef.createdAt}`)).toBe(false);

    expect(await act(abandonRotation, { rotationId })).toEqual({ ok: true, data: newRef });
    expect(await values()).toEqual([old.token, replacement]);
    expect(await currentRotation(d.db)).toBeNull();
    const [row] = await listAudit(d.db, { action: "api_token.rotation.abandon" });
    expect(row).toMatchObject({ outcome: "success", targetId: `…${oldRef.last4}`, details: { replacement: `…${newRef.last4}` } });
    expect(await allAudit()).not.toContain(replacement);

    // Once it is over, either token may be revoked by hand.
    expect(await act(revokeToken, { ...newRef, confirmation: newRef.last4 })).toEqual({ ok: true, data: newRef });
    expect(await values()).toEqual([old.token]);
  });

  test("denies support and operators every token action, with a denied audit row and nothing changed", async () => {
    const old = await mint();
    const oldRef = refOf(old);
    await tick();
    const started = await act(startRotation, oldRef);
    if (!started.ok) throw new Error(started.error.message);
    const { token: replacement, rotationId } = started.data;
    const checked = await act(checkRotation, { rotationId, token: replacement });
    expect(checked).toMatchObject({ ok: true });
    const rotation = await currentRotation(d.db);

    const attempts: [ActionDefinition<ZodType, unknown>, unknown][] = [
      [generateToken, {}],
      [revokeToken, { ...oldRef, confirmation: oldRef.last4 }],
      [startRotation, oldRef],
      [checkRotation, { rotationId, token: replacement }],
      [finishRotation, { rotationId, confirmation: oldRef.last4 }],
      [abandonRotation, { rotationId }],
    ];
    for (const user of [support, operator]) {
      for (const [def, input] of attempts)
        expect(await act(def, input, user)).toEqual({ ok: false, error: { code: "forbidden", message: "Your role does not allow this." } });
    }
    expect(await values()).toEqual([old.token, replacement]);
    expect(await currentRotation(d.db)).toEqual(rotation);

    for (const user of [support, operator]) {
      const denied = await listAudit(d.db, { actor: user.email });
      expect(denied.map((r) => [r.action, r.outcome, r.message]).reverse()).toEqual(
        attempts.map(([def]) => [def.name, "denied", "missing permission tokens.manage"]),
      );
    }
    const audit = await allAudit();
    expect(audit).not.toContain(old.token);
    expect(audit).not.toContain(replacement);
    expect(await act(abandonRotation, { rotationId })).toMatchObject({ ok: true });
  });
});

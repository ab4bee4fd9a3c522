import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import * as accounts from "@/lib/accounts/actions";
import * as alerts from "@/lib/alerts/actions";
import { runtime as alertRuntime } from "@/lib/alerts/testing/fixtures";
import { startWebhookReceiver } from "@/lib/alerts/testing/webhook-receiver";
import type { WebhookReceiver } from "@/lib/alerts/testing/webhook-receiver";
import { listAudit, verifyChain } from "@/lib/audit/store";
import * as audit from "@/lib/audit/actions";
import { hashPassword } from "@/lib/auth/password";
import type { SessionUser } from "@/lib/auth/session";
import * as calls from "@/lib/calls/actions";
import type { OpenDatabase } from "@/lib/db";
import { insertAccount } from "@/lib/accounts/store";
import * as schema from "@/lib/db/schema";
import { freshDatabase } from "@/lib/db/testing";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { CallResult, TestEmulator } from "@/lib/emulator/testing/harness";
import type { JournalEntry } from "@/lib/emulator/journal";
import { isCarriable } from "@/lib/fields";
import * as liveEvents from "@/lib/live-events/actions";
import * as savedViews from "@/lib/saved-views/actions";
import * as tokens from "@/lib/tokens/actions";
import * as users from "@/lib/users/actions";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { runAction } from "./core";
import type { ActionDefinition, ActionResult } from "./core";

/** Every server action against malformed, oversized, wrongly typed and hostile input: a plain refusal, never a crash, never a half-done change. */

type Input = Record<string, unknown>;
type Path = (string | number)[];

/** What the world holds for the valid inputs: ids that exist, so hostile values reach past the not-found checks. */
interface World {
  admin: SessionUser;
  password: string;
  other: string;
  view: string;
  editEvent: string;
  endEvent: { id: string; title: string };
  recording: { eventId: string; id: string };
  call: string;
  token: { last4: string; createdAt: number };
  /** An alert rule, a webhook channel to a local receiver, and an open alert. */
  alertRule: string;
  alertChannel: string;
  alert: string;
}

interface ActionCase {
  def: ActionDefinition<z.core.$ZodType, unknown>;
  /** A valid input; hostile runs replace one part of it. */
  valid(w: World): Input;
  /** Fields holding an id as typed, each sent as one segment of a Sendbird path. */
  ids?: string[];
  /** Of those, the ones checked like an id but sent in a body, or not at all. */
  notInPath?: string[];
  /** Tables the action writes even when it refuses, on purpose. */
  refusalWrites?: string[];
  /** Pairs of [text sent, text that came back] after a success, for the byte-for-byte check. */
  echo?(input: Input, data: unknown): Promise<[unknown, unknown][]>;
}

function entry<S extends z.core.$ZodType, T>(
  def: ActionDefinition<S, T>,
  spec: Omit<ActionCase, "def" | "echo"> & { echo?(input: Input, data: T): Promise<[unknown, unknown][]> | [unknown, unknown][] },
): ActionCase {
  const { echo } = spec;
  // The table holds definitions of every input and result type; each result only reaches its own echo.
  return { ...spec, def, echo: echo ? async (input, data) => echo(input, data as T) : undefined };
}

let t: TestEmulator;
let d: OpenDatabase;
let client: SendbirdClient;
let world: World;
let hook: WebhookReceiver;
let serial = 0;
const unique = (prefix: string) => `${prefix}-${(serial += 1)}`;
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const rowsOf = (items: Record<string, string>) => Object.entries(items).map(([key, value]) => ({ key, value }));
const rowEcho = (rows: unknown, saved: Record<string, string>): [unknown, unknown][] =>
  Array.isArray(rows) ? rows.map((r: { key: string; value: string }) => [r.value, saved[r.key.trim()]]) : [];
const metaPath = (input: Input) => `/v3/users/${encodeURIComponent(String(input.userId).trim())}`;
// Sendbird leaves a title never set out of the event: read that as the empty title that was sent.
const eventTitle = async (id: string): Promise<unknown> => (await t.call("GET", `/v1/live-events/${encodeURIComponent(id)}`)).json.live_event.title ?? "";

const actions: Record<string, ActionCase> = {
  signOutEverywhere: entry(accounts.signOutEverywhere, { valid: () => ({}) }),
  createAccount: entry(accounts.createAccount, {
    valid: () => ({ email: `${unique("new")}@example.com`, name: "New Person", role: "support", password: "" }),
    echo: (input, data) => [[trimmed(input.name), data.account.name]],
  }),
  changeRole: entry(accounts.changeRole, { valid: (w) => ({ accountId: w.other, role: "support" }) }),
  disableAccount: entry(accounts.disableAccount, { valid: (w) => ({ accountId: w.other }) }),
  enableAccount: entry(accounts.enableAccount, { valid: (w) => ({ accountId: w.other }) }),
  resetPassword: entry(accounts.resetPassword, { valid: (w) => ({ accountId: w.other }) }),
  endAccountSessions: entry(accounts.endAccountSessions, { valid: (w) => ({ accountId: w.other }) }),
  // A wrong current password counts towards the sign-in lockout, so this refusal writes a login attempt.
  changeOwnPassword: entry(accounts.changeOwnPassword, {
    valid: (w) => ({ current: w.password, next: "a brand new passphrase", confirm: "a brand new passphrase" }),
    refusalWrites: ["login_attempts"],
  }),
  verifyAuditChain: entry(audit.verifyAuditChain, { valid: () => ({}) }),
  updateCallCustomItems: entry(calls.updateCallCustomItems, {
    valid: (w) => ({ targetId: w.call, customItems: rowsOf({ topic: "billing" }) }),
    ids: ["targetId"],
    echo: (input, data) => rowEcho(input.customItems, data),
  }),
  removeCallCustomItems: entry(calls.removeCallCustomItems, { valid: (w) => ({ targetId: w.call, keys: ["topic"] }), ids: ["targetId"] }),
  setEventReady: entry(liveEvents.setEventReady, { valid: (w) => ({ liveEventId: w.editEvent }), ids: ["liveEventId"] }),
  startEvent: entry(liveEvents.startEvent, { valid: (w) => ({ liveEventId: w.editEvent }), ids: ["liveEventId"] }),
  endEvent: entry(liveEvents.endEvent, { valid: (w) => ({ liveEventId: w.endEvent.id, confirmation: w.endEvent.title }), ids: ["liveEventId"] }),
  updateEvent: entry(liveEvents.updateEvent, {
    valid: (w) => ({ liveEventId: w.editEvent, title: "Launch night", coverUrl: "", hostCandidates: "host1" }),
    ids: ["liveEventId"],
    echo: async (input, data) => [
      [trimmed(input.title), data.title],
      [trimmed(input.title), await eventTitle(data.id)],
    ],
  }),
  createEvent: entry(liveEvents.createEvent, {
    valid: () => ({ title: "Premiere", coverUrl: "", type: "video", hostCandidates: ["host1"] }),
    echo: async (input, data) => [[trimmed(input.title), await eventTitle(data.id)]],
  }),
  copyRecording: entry(liveEvents.copyRecording, {
    valid: (w) => ({
      liveEventId: w.recording.eventId,
      recordingId: w.recording.id,
      bucket: "show-archive",
      region: "us-east-1",
      accessKey: "AKIAIOSFODNN7EXAMPLE",
      secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    }),
    ids: ["liveEventId", "recordingId"],
    // A recording id reaches Sendbird's copy path only once the event's own recordings are shown to hold it.
    notInPath: ["recordingId"],
  }),
  createSavedView: entry(savedViews.createSavedView, {
    valid: () => ({ page: "live-events", name: unique("On air"), query: "?state=ongoing" }),
    echo: (input, data) => [[trimmed(input.name), data.name]],
  }),
  deleteSavedView: entry(savedViews.deleteSavedView, { valid: (w) => ({ viewId: w.view }) }),
  generateToken: entry(tokens.generateToken, { valid: () => ({}) }),
  revokeToken: entry(tokens.revokeToken, { valid: (w) => ({ ...w.token, confirmation: w.token.last4 }) }),
  startRotation: entry(tokens.startRotation, { valid: (w) => ({ ...w.token }) }),
  checkRotation: entry(tokens.checkRotation, { valid: () => ({ rotationId: crypto.randomUUID(), token: "a".repeat(40) }) }),
  finishRotation: entry(tokens.finishRotation, { valid: () => ({ rotationId: crypto.randomUUID(), confirmation: "abcd" }) }),
  abandonRotation: entry(tokens.abandonRotation, { valid: () => ({ rotationId: crypto.randomUUID() }) }),
  createUser: entry(users.createUser, {
    valid: () => ({ userId: unique("viewer"), nickname: "Viewer", profileUrl: "", metadata: rowsOf({ team: "blue" }) }),
    ids: ["userId"],
    notInPath: ["userId"],
    echo: (input, data) => [[trimmed(input.userId), data.userId], [trimmed(input.nickname), data.nickname], ...rowEcho(input.metadata, data.metadata)],
  }),
  updateUser: entry(users.updateUser, {
    valid: () => ({ userId: "ada", nickname: "Ada", profileUrl: "" }),
    ids: ["userId"],
    echo: (input, data) => [[trimmed(input.nickname), data.nickname]],
  }),
  // A metadata key is a path segment when changed or removed. After a success the echo puts the world back
  // (the added key removed, the removed key added again), so the 5-item limit and "not found" never refuse a valid run.
  // (A hostile user id can name a user the createUser runs made: the echo reads whichever user was changed.)
  addUserMetadata: entry(users.addUserMetadata, {
    valid: () => ({ userId: "meta", key: unique("k"), value: "blue" }),
    ids: ["userId"],
    echo: async (input, data) => {
      const kept: unknown = (await t.call("GET", metaPath(input))).json.metadata[data.key];
      okJson(await t.call("DELETE", `${metaPath(input)}/metadata/${encodeURIComponent(data.key)}`));
      return [[input.value, kept]];
    },
  }),
  changeUserMetadata: entry(users.changeUserMetadata, {
    valid: () => ({ userId: "meta", key: "team", value: "red" }),
    ids: ["userId", "key"],
    echo: async (input, data) => [[input.value, (await t.call("GET", metaPath(input))).json.metadata[data.key]]],
  }),
  removeUserMetadata: entry(users.removeUserMetadata, {
    valid: () => ({ userId: "meta", key: "gone-soon" }),
    ids: ["userId", "key"],
    echo: async (input, data) => {
      okJson(await t.call("POST", `${metaPath(input)}/metadata`, { body: { metadata: { [data.key]: "back" } } }));
      return [];
    },
  }),
  deactivateUser: entry(users.deactivateUser, { valid: () => ({ userId: "bob", leaveAllChannels: false }), ids: ["userId"] }),
  reactivateUser: entry(users.reactivateUser, { valid: () => ({ userId: "bob" }), ids: ["userId"] }),
  deleteUser: entry(users.deleteUser, { valid: () => ({ userId: "doomed", confirmation: "doomed" }), ids: ["userId"] }),
  issueSessionToken: entry(users.issueSessionToken, { valid: () => ({ userId: "ada", lifetime: "1h" }), ids: ["userId"] }),
  revokeSessionTokens: entry(users.revokeSessionTokens, { valid: () => ({ userId: "ada" }), ids: ["userId"] }),
  refreshUserActivity: entry(users.refreshUserActivity, { valid: () => ({ userId: "ada" }), ids: ["userId"], notInPath: ["userId"] }),
  createAlertRule: entry(alerts.createRule, {
    valid: () => ({ name: unique("Rule"), kind: "host_absent", enabled: true, params: { seconds: 30 }, channelIds: [], remindMinutes: 30 }),
    echo: (input, data) => [[trimmed(input.name), data.name]],
  }),
  updateAlertRule: entry(alerts.updateRule, {
    valid: (w) => ({
      ruleId: w.alertRule,
      name: "World rule",
      kind: "host_absent",
      enabled: false,
      params: { seconds: 30 },
      channelIds: [w.alertChannel],
      remindMinutes: 30,
    }),
    echo: (input, data) => [[trimmed(input.name), data.name]],
  }),
  deleteAlertRule: entry(alerts.deleteRule, { valid: (w) => ({ ruleId: w.alertRule }) }),
  createAlertChannel: entry(alerts.createChannel, {
    valid: () => ({ kind: "webhook", name: unique("Hook"), url: hook.url }),
    echo: (input, data) => [[trimmed(input.name), data.channel.name]],
  }),
  updateAlertChannel: entry(alerts.updateChannel, {
    valid: (w) => ({ channelId: w.alertChannel, kind: "webhook", name: "World hook", url: hook.url }),
    echo: (input, data) => [[trimmed(input.name), data.channel.name]],
  }),
  deleteAlertChannel: entry(alerts.deleteChannel, { valid: (w) => ({ channelId: w.alertChannel }) }),
  testAlertChannel: entry(alerts.testChannel, { valid: (w) => ({ channelId: w.alertChannel }) }),
  acknowledgeAlert: entry(alerts.acknowledgeAlert, { valid: (w) => ({ alertId: w.alert }) }),
};
const table = Object.entries(actions);

// ——— hostile values ———

const hostileTexts = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "../../v3/users",
  "..",
  ".",
  " .. ",
  "%2e%2e%2f",
  "a/b",
  "..%2F..%2Fv3%2Fusers",
  "\u202Egnp.exe",
  "a\u200Db",
  "nul\u0000char",
  "\ud800",
  "tail\udfff",
  "🎬🧑‍🚀",
  "e\u0301\u0308\u0323",
  "x".repeat(10_000),
  "",
  "   ",
  "\r\n\t",
  "' OR '1'='1",
  "${7*7}{{7*7}}",
  "__proto__",
];
const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...hostileTexts) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...hostileTexts.filter((s) => s.length < 100)), { minLength: 2, maxLength: 3 }).map((parts) => parts.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/** Every part of a valid input that a hostile value may replace: fields, rows and the cells inside them. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k];
    return [path, ...pathsOf(v, path)];
  });
}

/** A copy of `input` with the part at `path` replaced (or added as an own key, even `__proto__`). */
function replaced(input: Input, path: Path, value: unknown): Input {
  const copy: Input = structuredClone(input);
  let at: Record<string | number, unknown> = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  Object.defineProperty(at, path[path.length - 1] as string | number, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

// ——— what a run may leave behind ———

const appTables = Object.values(schema).flatMap((v: unknown) => (is(v, PgTable) && v !== schema.auditEvents ? [getTableName(v)] : []));
const rowsResult = z.object({ rows: z.array(z.record(z.string(), z.string())) });

/** A digest of every row of every table but the audit log, so any insert, update or delete shows. */
async function databaseRows(skip: readonly string[] = []): Promise<Record<string, string> | undefined> {
  const digests = appTables
    .filter((name) => !skip.includes(name))
    .map((name) => sql`(select coalesce(string_agg(md5(t::text), ',' order by t::text), '') from ${sql.identifier(name)} t) as ${sql.identifier(name)}`);
  return rowsResult.parse(await d.db.execute(sql`select ${sql.join(digests, sql`, `)}`)).rows[0];
}
const okJson = (res: CallResult) => {
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json;
};
const emulatorState = (): string => JSON.stringify(t.emulator.store.exportState());
const lastSeq = (): number => t.emulator.journal.last(1)[0]?.seq ?? 0;
/** The requests to Sendbird's APIs the emulator saw after `seq` (its own control plane left out). */
const sentSince = (seq: number): JournalEntry[] => t.emulator.journal.last(500).filter((r) => r.seq > seq && !r.path.startsWith("/__emulator"));

const meta = { requestId: "req-bad-input", ip: "192.0.2.99", userAgent: "property test" };

/** Runs an action as the admin and settles, so a rejection shows as a failed expectation rather than a crash. */
async function attempt(c: ActionCase, raw: unknown): Promise<ActionResult<unknown>> {
  const settled = await runAction(c.def, raw, { user: world.admin, db: d.db, sendbird: client, meta }).then(
    (result) => ({ result }),
    (err: unknown) => ({ thrown: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }),
  );
  if ("thrown" in settled) throw new Error(`the action threw instead of answering: ${settled.thrown}`);
  return settled.result;
}

/** A refusal a person can act on: a stable code, a message, fields for bad input, and nothing from an unexpected crash. */
function expectClear(result: ActionResult<unknown>): void {
  if (result.ok) return;
  const { code, message, fields } = result.error;
  expect(code).toMatch(/^[a-z_]+$/);
  expect(code).not.toBe("internal");
  expect(message.trim()).not.toBe("");
  expect(message).not.toMatch(/^(Something went wrong|Sendbird had a problem|Unexpected answer|Not confirmed by Sendbird)/);
  if (code === "invalid_input") {
    expect(Object.keys(fields ?? {}).length).toBeGreaterThan(0);
    for (const text of Object.values(fields ?? {})) expect(text.trim()).not.toBe("");
  }
}

/** Runs one input and checks the refusal is clear and, when refused, that nothing changed anywhere; returns what was sent too. */
async function runChecked(c: ActionCase, raw: unknown): Promise<ActionResult<unknown> & { sent: JournalEntry[] }> {
  const before = { rows: await databaseRows(c.refusalWrites), state: emulatorState(), seq: lastSeq() };
  const result = await attempt(c, raw);
  expectClear(result);
  const sent = sentSince(before.seq);
  for (const r of sent) expect(r.path.split("/").filter((s) => s === "." || s === "..")).toEqual([]);
  if (!result.ok) {
    if (result.error.code === "invalid_input") expect(sent.filter((r) => r.method !== "GET")).toEqual([]);
    expect(emulatorState()).toBe(before.state);
    expect(await databaseRows(c.refusalWrites)).toEqual(before.rows);
  }
  return { ...result, sent };
}

// ——— the world ———

beforeAll(async () => {
  [t, d, hook] = await Promise.all([startTestEmulator(), freshDatabase("pglite"), startWebhookReceiver()]);
  // Alert channels may reach the local receiver; everything else private stays refused.
  alerts.useAlertRuntime(() => alertRuntime);
  // This emulator has no rate limits, so the client's own pacing would only slow hundreds of runs down.
  client = emulatedClient(t, { throttle: false });
  // The activity refresh reads every open event in its window; one day keeps that read short whatever runs before it.
  process.env.SHOWRUNNER_ACTIVITY_WINDOW_DAYS = "1";
  for (const user_id of ["ada", "bob", "doomed", "host1"]) okJson(await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } }));
  okJson(await t.call("POST", "/v3/users", { body: { user_id: "meta", nickname: "Meta", profile_url: "", metadata: { team: "blue", "gone-soon": "x" } } }));
  const event = async (title: string): Promise<string> =>
    okJson(await t.call("POST", "/v1/live-events", { body: { user_ids_for_host: ["host1"], title } })).live_event.live_event_id;
  const [editEvent, endEvent, recorded] = [await event("Launch night"), await event("Finale"), await event("Recorded")];
  okJson(await t.call("POST", `/v1/live-events/${recorded}/ready`));
  okJson(await t.control("POST", `/live-events/${recorded}/hosts`, { user_id: "host1" }));
  const recording = okJson(await t.control("POST", `/live-events/${recorded}/recordings`, { status: "completed" })).recording.recording_id;
  const call = okJson(await t.control("POST", "/direct-calls", { caller_id: "ada", callee_id: "bob", end_result: "completed", started_at: testNow - 60_000 }))
    .call.call_id;
  const minted = okJson(await t.call("POST", "/v3/applications/api_tokens", { body: {} }));
  const password = "the admin's own passphrase";
  const admin = await insertAccount(d.db, { email: "admin@example.com", role: "admin", passwordHash: await hashPassword(password) });
  const other = await insertAccount(d.db, { email: "other@example.com", role: "support", passwordHash: null });
  const view = (
    await d.db.insert(schema.savedViews).values({ page: "live-events", name: "Ongoing", query: "?state=ongoing", createdBy: admin.email }).returning()
  )[0];
  if (!view) throw new Error("the saved view was not written");
  const adminUser: SessionUser = { id: admin.id, email: admin.email, name: "", role: "admin", mustChangePassword: false };
  const alertWorld = { user: adminUser, db: d.db, sendbird: client, meta };
  const channel = await runAction(alerts.createChannel, { kind: "webhook", name: "World hook", url: hook.url }, alertWorld);
  if (!channel.ok) throw new Error(channel.error.message);
  const rule = await runAction(
    alerts.createRule,
    { name: "World rule", kind: "host_absent", enabled: false, params: { seconds: 30 }, channelIds: [channel.data.channel.id], remindMinutes: 30 },
    alertWorld,
  );
  if (!rule.ok) throw new Error(rule.error.message);
  const [alert] = await d.db
    .insert(schema.alerts)
    .values({
      ruleId: rule.data.id,
      kind: "host_absent",
      ruleName: "World rule",
      subjectType: "live_event",
      subjectId: editEvent,
      since: new Date(testNow),
      openedAt: new Date(testNow),
    })
    .returning();
  if (!alert) throw new Error("the alert was not written");
  world = {
    admin: adminUser,
    password,
    other: other.id,
    view: view.id,
    editEvent,
    endEvent: { id: endEvent, title: "Finale" },
    recording: { eventId: recorded, id: recording },
    call,
    token: { last4: String(minted.token).slice(-4), createdAt: Number(minted.created_at) * 1000 },
    alertRule: rule.data.id,
    alertChannel: channel.data.channel.id,
    alert: alert.id,
  };
}, 30_000);
afterAll(async () => {
  alerts.useAlertRuntime(null);
  await hook?.close();
  await t?.close();
  await d?.close();
});

// ——— the properties ———

describe("every server action of the console", () => {
  test("has an entry in this file's table, so a new action cannot skip these properties", () => {
    const dir = join(process.cwd(), "lib", "actions");
    const exported = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => {
        const source = readFileSync(join(dir, f), "utf8");
        return [...source.matchAll(/export const (\w+) = defineAction\(/g), ...source.matchAll(/export async function (\w+)\(/g)].map((m) => m[1]);
      });
    expect(exported.length).toBeGreaterThan(30);
    expect([...new Set(exported)].sort()).toEqual(Object.keys(actions).sort());
  });
});

describe.each(table)("%s, given input of the wrong shape", (_name, c) => {
  const extraKey = fc.oneof(fc.constantFrom("__proto__", "constructor", "toString", "isAdmin", "role", "accountId", ""), fc.string({ maxLength: 12 }));
  const wrongShape = fc.oneof(
    fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      withBoxedValues: true,
      withTypedArray: true,
    }),
    fc.array(fc.anything(), { maxLength: 4 }),
    fc.double(),
    fc.constantFrom(null, undefined, true, 0, "", "{}", "[]"),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.object({ maxDepth: 2 }),
  );
  const withExtraKey = fc.tuple(extraKey, fc.anything({ maxDepth: 1 }));

  test("answers anything at all with invalid_input, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(wrongShape, async (raw) => {
        const result = await runChecked(c, raw);
        if (!z.safeParse(c.def.input, raw).success) expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      }),
      { numRuns: 40 },
    );
  });

  test("refuses a valid input that carries one key too many", async () => {
    await fc.assert(
      fc.asyncProperty(withExtraKey, async ([key, value]) => {
        const valid = c.valid(world);
        const raw = replaced(valid, [Object.hasOwn(valid, key) ? `${key}_extra` : key], value);
        expect(await runChecked(c, raw)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
      }),
      { numRuns: 10 },
    );
  });
});

describe.each(table)("%s, given hostile values in the right shape", (_name, c) => {
  test("saves them exactly or refuses them plainly, and a refusal changes nothing", async () => {
    // An action that takes nothing gets its hostile value in a field it does not have.
    const paths = pathsOf(c.valid(world));
    if (paths.length === 0) paths.push(["note"]);
    const mutation = fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof({ weight: 3, arbitrary: hostileText }, { weight: 1, arbitrary: wrongType }),
    });
    await fc.assert(
      fc.asyncProperty(mutation, async ({ path, value }) => {
        const valid = c.valid(world);
        const original: unknown = path.reduce<unknown>((at, step) => (at as Record<string | number, unknown>)[step], valid);
        const raw = replaced(valid, path, value);
        const result = await runChecked(c, raw);
        const field = String(path[0]);
        if (kind(value) !== kind(original)) {
          expect(result).toMatchObject({ ok: false, error: { code: "invalid_input" } });
          if (!result.ok && original !== undefined) expect(Object.keys(result.error.fields ?? {}).some((k) => k.startsWith(field))).toBe(true);
        }
        if (typeof value === "string" && path.length === 1 && c.ids?.includes(field)) {
          const id = value.trim();
          if (["", ".", ".."].includes(id) || !isCarriable(id)) {
            expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { [field]: expect.any(String) } } });
          } else if (result.sent.length > 0 && !c.notInPath?.includes(field)) {
            // Whatever it holds (slashes, dots, percent signs), the id stays one segment of the path.
            expect(result.sent.map((r) => r.path.split("/"))).toContainEqual(expect.arrayContaining([encodeURIComponent(id)]));
          }
        }
        if (result.ok && c.echo) for (const [sent, got] of await c.echo(raw, result.data)) expect(got).toBe(sent);
      }),
      { numRuns: 40 },
    );
  });
});

describe("typed confirmations", () => {
  /** Whether the thing a confirmation guards is still there. */
  const inPlace: Record<string, () => Promise<void>> = {
    deleteUser: async () => expect(okJson(await t.call("GET", "/v3/users/doomed")).user_id).toBe("doomed"),
    endEvent: async () => expect(okJson(await t.call("GET", `/v1/live-events/${world.endEvent.id}`)).live_event.state).not.toBe("ended"),
    revokeToken: async () => {
      const tokens: { token: string }[] = okJson(await t.call("GET", "/v3/applications/api_tokens")).api_tokens;
      expect(tokens.map((x) => x.token.slice(-4))).toContain(world.token.last4);
    },
  };

  test.each(Object.keys(inPlace))("%s refuses a confirmation that does not match and leaves its target in place", async (name) => {
    const c = actions[name];
    const check = inPlace[name];
    if (!c || !check) throw new Error(`no entry for ${name}`);
    expect(Object.keys(c.valid(world))).toContain("confirmation");
    await fc.assert(
      fc.asyncProperty(hostileText, async (confirmation) => {
        const result = await runChecked(c, { ...c.valid(world), confirmation });
        expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { confirmation: expect.any(String) } } });
      }),
      { numRuns: 15 },
    );
    await check();
  });
});

describe("hostile text the console saves", () => {
  test("comes back byte for byte: a live event title with markup is stored as typed, not stripped or escaped", async () => {
    const title = '<script>alert(1)</script>"><img src=x onerror=alert(1)> \u202E\u200D🎬 e\u0301';
    const c = actions.createEvent;
    if (!c) throw new Error("no entry for createEvent");
    const result = await runChecked(c, { ...c.valid(world), title });
    if (!result.ok) throw new Error(result.error.message);
    const id = (result.data as { id: string }).id;
    expect(await eventTitle(id)).toBe(title);
  });

  test("keeps a NUL or a broken character in the audit log as U+FFFD, with the chain intact", async () => {
    const c = actions.updateCallCustomItems;
    if (!c) throw new Error("no entry for updateCallCustomItems");
    // A call of its own: the property runs above may have filled the shared one up to its 10 items.
    const call: string = okJson(
      await t.control("POST", "/direct-calls", { caller_id: "ada", callee_id: "bob", end_result: "completed", started_at: testNow - 60_000 }),
    ).call.call_id;
    const result = await runChecked(c, { targetId: call, customItems: rowsOf({ "nul\u0000key": "1", "lone\ud800key": "2" }) });
    expect(result, result.ok ? "" : JSON.stringify(result.error)).toMatchObject({ ok: true });
    const [row] = await listAudit(d.db, { targetId: call, action: "direct_call.custom_items.update" });
    expect(row?.details).toEqual({ keys: "nul\ufffdkey,lone\ufffdkey" });
    expect(await verifyChain(d.db)).toMatchObject({ intact: true });
  });
});

// For the alerting tests: console accounts, actions run as a form runs them, channels and rules set up through
// those actions, and the webhook body and signature as a receiver reads them.
import { createHmac, timingSafeEqual } from "node:crypto";
import { expect, onTestFinished } from "vitest";
import { z } from "zod";
import { insertAccount } from "@/lib/accounts/store";
import { runAction } from "@/lib/actions/core";
import type { ActionDefinition, ActionResult } from "@/lib/actions/core";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import type { Role } from "@/lib/db/schema";
import type { DestinationPolicy } from "@/lib/net/destinations";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import { createChannel, updateRule } from "../actions";
import type { AlertRuntime } from "../runtime";
import { listRules } from "../store";
import type { RuleRow } from "../store";
import { startWebhookReceiver } from "./webhook-receiver";
import type { ReceivedRequest, WebhookReceiver } from "./webhook-receiver";

/** Channels may reach this machine over http, as a local receiver needs; nothing else private. */
export const loopbackPolicy: DestinationPolicy = { allowHttpLoopback: true, allowPrivate: false };
export const origin = "https://showrunner.example";
export const runtime: AlertRuntime = { key: Buffer.alloc(32, 7), policy: loopbackPolicy, origin };

const meta = { requestId: "req-alerts", ip: "192.0.2.30", userAgent: "alerting test" };

let serial = 0;

/** A console account of `role`, as the session hands it to actions. */
export async function account(db: Database, role: Role): Promise<SessionUser> {
  serial += 1;
  const row = await insertAccount(db, { email: `${role}-${serial}@example.com`, role, passwordHash: null });
  return { id: row.id, email: row.email, name: "", role, mustChangePassword: false };
}

/** Runs an action through the one gate, as the server action would. */
export function act<S extends z.core.$ZodType, T>(db: Database, def: ActionDefinition<S, T>, input: unknown, user: SessionUser): Promise<ActionResult<T>> {
  return runAction(def, input, { user, db, sendbird: noSendbird, meta });
}

/** The data of a successful action; a refusal fails the test with its message. */
export async function done<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`${settled.error.code}: ${settled.error.message} ${JSON.stringify(settled.error.fields ?? {})}`);
  return settled.data;
}

/** The one item of a list, failing the test when there are none or several. */
export function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error("the list is empty");
  return item;
}

/** A webhook receiver on loopback, closed when the test ends. */
export async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  onTestFinished(() => r.close());
  return r;
}

/** A generic webhook channel to `url`, made with the createChannel action; returns its id and its signing secret, shown once. */
export async function webhookChannel(
  db: Database,
  admin: SessionUser,
  url: string,
  name = `Hook ${(serial += 1)}`,
): Promise<{ id: string; signingSecret: string }> {
  const { channel, signingSecret } = await done(act(db, createChannel, { kind: "webhook", name, url }, admin));
  if (!signingSecret) throw new Error("a new webhook channel came without its signing secret");
  return { id: channel.id, signingSecret };
}

/** One of the rules (the migration's defaults included) by name. */
export async function ruleNamed(db: Database, name: string): Promise<RuleRow> {
  const rule = (await listRules(db)).find((r) => r.name === name);
  if (!rule) throw new Error(`no rule named ${name}`);
  return rule;
}

/** Changes a rule with the updateRule action, keeping what `changes` leaves out. */
export async function changeRule(
  db: Database,
  admin: SessionUser,
  name: string,
  changes: Partial<Pick<RuleRow, "enabled" | "params" | "channelIds" | "remindMinutes">>,
): Promise<RuleRow> {
  const rule = await ruleNamed(db, name);
  const input = {
    ruleId: rule.id,
    name: rule.name,
    kind: rule.kind,
    enabled: rule.enabled,
    params: rule.params,
    channelIds: rule.channelIds,
    remindMinutes: rule.remindMinutes,
  };
  return done(act(db, updateRule, { ...input, ...changes }, admin));
}

/** A generic webhook's body, as docs/alerts.md describes it. */
export const webhookJson = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  text: z.string(),
  alert: z
    .object({
      id: z.string(),
      rule: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
      subject: z.object({ type: z.string(), id: z.string(), label: z.string(), url: z.string() }),
      summary: z.string(),
      acknowledged_by: z.string().nullable(),
    })
    .nullable(),
});
export type WebhookJson = z.infer<typeof webhookJson>;

export const bodyOf = (request: ReceivedRequest): WebhookJson => webhookJson.parse(JSON.parse(request.body));

/** The requests of one message type (`alert.opened`…) the receiver got. */
export const ofType = (r: WebhookReceiver, type: string): ReceivedRequest[] => r.requests.filter((q) => bodyOf(q).type === type);

/** Whether a request's `Showrunner-Signature` is the HMAC-SHA256 of `<t>.<body>` with the signing secret, checked as a receiver would. */
export function signedWith(request: ReceivedRequest, signingSecret: string): boolean {
  const header = request.headers["showrunner-signature"];
  const match = typeof header === "string" ? /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) : null;
  if (!match) return false;
  const [, t = "", v1 = ""] = match;
  const expected = createHmac("sha256", signingSecret).update(`${t}.${request.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

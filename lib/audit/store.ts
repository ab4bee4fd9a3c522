import "server-only";
import { metrics } from "@/lib/observability/metrics";
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, lte, notInArray, sql } from "drizzle-orm";
import { containing } from "@/lib/db/like";
import type { SQL } from "drizzle-orm";
import { nextTurn, withLock } from "@/lib/db";
import type { Database } from "@/lib/db";
import { lockKeys } from "@/lib/db/locks";
import { auditCheckpoints, auditEvents } from "@/lib/db/schema";
import type { Outcome } from "@/lib/db/schema";
import { carriable } from "@/lib/fields";

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditInput {
  at?: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome: Outcome;
  sendbirdCode?: number | null;
  message?: string;
  requestId?: string;
  ip?: string;
  userAgent?: string;
  details?: AuditDetails;
}

export type AuditRow = typeof auditEvents.$inferSelect;

export const genesisHash = "0".repeat(64);
/** Advisory-lock key that keeps the chain linear under concurrent writers (any number of instances). */
const auditLockKey = lockKeys.audit;

const secretKey = /(token|secret|password|passwd|api[-_]?key|access[-_]?key|authorization|cookie)/i;

/** Refuses details that look like they carry a secret; only last-4 fragments (`*_last4`) may name one. */
export function assertNoSecrets(details: AuditDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (key.endsWith("_last4")) {
      if (typeof value === "string" && value.length <= 4) continue;
      throw new Error(`Audit detail "${key}" must hold at most 4 characters.`);
    }
    if (secretKey.test(key)) throw new Error(`Audit detail "${key}" looks like a secret and is not recorded.`);
  }
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

type Hashed = Omit<AuditRow, "id" | "hash">;

/** The hash of a row: its fields and the previous row's hash, canonically serialized. */
export function hashRow(row: Hashed): string {
  const fields = [
    row.prevHash,
    row.at.toISOString(),
    row.actorId,
    row.actorEmail,
    row.action,
    row.targetType,
    row.targetId,
    row.outcome,
    row.sendbirdCode,
    row.message,
    row.requestId,
    row.ip,
    row.userAgent,
    row.details,
  ];
  return createHash("sha256").update(canonical(fields)).digest("hex");
}

/** Appends one row to the chain; concurrent appends (even from other instances) queue on one lock. */
export async function appendAudit(db: Database, input: AuditInput): Promise<AuditRow> {
  assertNoSecrets(input.details ?? {});
  // A NUL or a lone surrogate (both can arrive in a typed id) would fail the insert or change in storage, breaking the hash.
  const details = Object.fromEntries(Object.entries(input.details ?? {}).map(([k, v]) => [carriable(k), typeof v === "string" ? carriable(v) : v]));
  return withLock(db, auditLockKey, async (tx) => {
    const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    const row: Hashed = {
      at: new Date(Math.floor((input.at ?? new Date()).getTime())),
      actorId: input.actorId,
      actorEmail: carriable(input.actorEmail),
      action: input.action,
      targetType: input.targetType ?? "",
      targetId: carriable(input.targetId ?? ""),
      outcome: input.outcome,
      sendbirdCode: input.sendbirdCode ?? null,
      message: carriable((input.message ?? "").slice(0, 1000)),
      requestId: carriable(input.requestId ?? ""),
      ip: carriable(input.ip ?? ""),
      userAgent: carriable((input.userAgent ?? "").slice(0, 500)),
      details,
      prevHash: last?.hash ?? genesisHash,
    };
    const [inserted] = await tx
      .insert(auditEvents)
      .values({ ...row, hash: hashRow(row) })
      .returning();
    if (!inserted) throw new Error("The audit row was not written.");
    metrics().auditRows.inc();
    return inserted;
  });
}

export type ChainReport =
  | {
      intact: true;
      /** Rows in the chain, verified now or at the checkpoint this verification started from. */
      rows: number;
      /** Rows read now. */
      checked: number;
      /** The checkpoint it started from (rows up to it were verified then); null for a verification from the first row. */
      since: { throughId: number; verifiedAt: Date } | null;
    }
  | { intact: false; rows: number; brokenAt: number; reason: string };

/** Where a verification starts: after the newest checkpoint (`new`, routine), or at the first row (`all`). */
export type VerifyScope = "new" | "all";

/** The newest checkpoint, or null before the first verification. */
async function latestCheckpoint(db: Database) {
  const [row] = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1);
  return row ?? null;
}

/**
 * Walks the chain in order and reports the first row whose hash or link does not hold. A routine
 * verification (`new`) starts after the newest checkpoint, whose own row must still hold its recorded hash;
 * `all` starts at the first row. An intact chain records a new checkpoint at its last row. It reads in
 * batches, with a turn of the event loop after each read and each batch's hashing, so a long chain never holds
 * the process.
 */
export async function verifyChain(db: Database, { scope = "new", batch = 500 }: { scope?: VerifyScope; batch?: number } = {}): Promise<ChainReport> {
  const checkpoint = scope === "new" ? await latestCheckpoint(db) : null;
  let prev = genesisHash;
  let afterId = 0;
  let rows = 0;
  if (checkpoint) {
    const [anchor] = await db.select().from(auditEvents).where(eq(auditEvents.id, checkpoint.throughId));
    const { id: _id, hash, ...fields } = anchor ?? { id: 0, hash: "" };
    if (!anchor || hash !== checkpoint.hash || hashRow(fields as Hashed) !== hash) {
      return { intact: false, rows: checkpoint.rows, brokenAt: checkpoint.throughId, reason: "the row the last verification ended at was changed or removed" };
    }
    [prev, afterId, rows] = [checkpoint.hash, checkpoint.throughId, checkpoint.rows];
  }
  let checked = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(asc(auditEvents.id)).limit(batch);
    // On the embedded database the read itself holds the process; the hashing waits for a turn of its own.
    await nextTurn();
    for (const row of page) {
      rows += 1;
      checked += 1;
      if (row.prevHash !== prev) return { intact: false, rows, brokenAt: row.id, reason: "it does not point at the row before it" };
      const { id: _id, hash, ...fields } = row;
      if (hashRow(fields) !== hash) return { intact: false, rows, brokenAt: row.id, reason: "its contents no longer match its hash" };
      prev = hash;
      afterId = row.id;
    }
    if (page.length < batch) break;
    await nextTurn();
  }
  if (afterId > 0 && afterId !== checkpoint?.throughId) {
    await db.insert(auditCheckpoints).values({ throughId: afterId, hash: prev, rows, verifiedAt: new Date() });
  }
  return {
    intact: true,
    rows,
    checked,
    since: checkpoint ? { throughId: checkpoint.throughId, verifiedAt: checkpoint.verifiedAt } : null,
  };
}

export interface AuditFilter {
  actor?: string | undefined;
  /** Part of the actor's e-mail, any case. */
  actorContains?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Part of the target's id, any case. */
  targetContains?: string | undefined;
  outcome?: Outcome | undefined;
  /** Only these actions (an event's steps, whatever else was done to it). */
  actions?: readonly string[] | undefined;
  /** Actions left out (a case file's reads of itself), in the query, so they never crowd out the rest. */
  excludeActions?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows older than this id (the next page, newest first). */
  before?: number | undefined;
  /** Rows newer than this id (the previous page). */
  after?: number | undefined;
  limit?: number | undefined;
}

function conditions(f: AuditFilter): SQL | undefined {
  const where: SQL[] = [];
  if (f.actor) where.push(eq(auditEvents.actorEmail, f.actor));
  if (f.actorContains) where.push(ilike(auditEvents.actorEmail, containing(f.actorContains)));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.actions?.length) where.push(inArray(auditEvents.action, [...f.actions]));
  if (f.targetType) where.push(eq(auditEvents.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditEvents.targetId, f.targetId));
  if (f.targetContains) where.push(ilike(auditEvents.targetId, containing(f.targetContains)));
  if (f.outcome) where.push(eq(auditEvents.outcome, f.outcome));
  if (f.excludeActions?.length) where.push(notInArray(auditEvents.action, [...f.excludeActions]));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lte(auditEvents.at, f.to));
  if (f.before) where.push(lt(auditEvents.id, f.before));
  if (f.after) where.push(gt(auditEvents.id, f.after));
  return where.length ? and(...where) : undefined;
}

/** Audit rows newest first, filtered; page with `before` = the last id shown, or back with `after` = the first. */
export async function listAudit(db: Database, f: AuditFilter): Promise<AuditRow[]> {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 500);
  if (f.after && !f.before) {
    const rows = await db.select().from(auditEvents).where(conditions(f)).orderBy(asc(auditEvents.id)).limit(limit);
    return rows.reverse();
  }
  return db.select().from(auditEvents).where(conditions(f)).orderBy(desc(auditEvents.id)).limit(limit);
}

/** How many rows match (for an export's progress, a page's place in the list); with `newerThan`, only the rows after that id. */
export async function countAudit(db: Database, f: AuditFilter, { newerThan }: { newerThan?: number } = {}): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(conditions({ ...f, before: undefined, after: newerThan }));
  return row?.n ?? 0;
}

/** Every matching row, newest first, read in batches so memory stays flat however long the trail is. */
export async function* eachAudit(db: Database, f: AuditFilter, batch = 500): AsyncGenerator<AuditRow> {
  let before: number | undefined;
  for (;;) {
    const page = await listAudit(db, { ...f, before, after: undefined, limit: batch });
    yield* page;
    if (page.length < batch) return;
    before = page[page.length - 1]?.id;
  }
}

/** The distinct action names in the trail, for the filter's choices. */
export async function auditActions(db: Database): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.action));
  return rows.map((r) => r.action);
}

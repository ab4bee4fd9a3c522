import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { outcomes } from "../audit/outcomes";
import { roles } from "../auth/roles";

export { outcomes, roles };
export type { Outcome } from "../audit/outcomes";
export type { Role } from "../auth/roles";

/** Console accounts (not Sendbird users). `session_version` bumps end every open session at once. */
export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    name: text("name").notNull().default(""),
    role: text("role", { enum: roles }).notNull(),
    passwordHash: text("password_hash"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [check("accounts_role_check", sql`${t.role} in ('admin', 'operator', 'support')`), check("accounts_email_lower", sql`${t.email} = lower(${t.email})`)],
);

/** Every sign-in attempt, so back-offs hold across instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    /** The client's address block: an IPv4 address, or an IPv6 /64 (lib/net/forwarded.ts `sourceOf`); the audit row keeps the full address. */
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    /** Refused while the address was backing off, without the password being checked: recorded, not counted. */
    throttled: boolean("throttled").notNull().default(false),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_email_at").on(t.email, t.at), index("login_attempts_ip_at").on(t.ip, t.at)],
);

/**
 * Sessions signed out before they ran out. Sessions are signed cookies, so a copy of one would otherwise
 * keep working; its id here refuses it everywhere until it would have expired anyway.
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sid: text("sid").primaryKey(),
    accountId: uuid("account_id").notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("ended_sessions_expires_at").on(t.expiresAt)],
);

/** Append-only audit rows; `hash` chains each row to the one before it so tampering shows. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: uuid("actor_id"),
    actorEmail: text("actor_email").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull().default(""),
    targetId: text("target_id").notNull().default(""),
    outcome: text("outcome", { enum: outcomes }).notNull(),
    sendbirdCode: integer("sendbird_code"),
    message: text("message").notNull().default(""),
    requestId: text("request_id").notNull().default(""),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("audit_events_at").on(t.at),
    index("audit_events_actor").on(t.actorEmail, t.at),
    // Newest first by id, as the case file and the event timeline read one target's rows.
    index("audit_events_target_id").on(t.targetType, t.targetId, t.id),
    check("audit_events_outcome_check", sql`${t.outcome} in ('success', 'failure', 'unknown', 'denied')`),
  ],
);

/**
 * Where the audit chain was last verified intact, up to which row: a routine verification reads only the
 * rows after the newest one; a full verification reads the chain from its first row.
 */
export const auditCheckpoints = pgTable("audit_checkpoints", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  throughId: bigint("through_id", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  rows: bigint("rows", { mode: "number" }).notNull(),
  verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }).notNull(),
});

/**
 * Direct calls counted for the calls overview, by the UTC day they started and how they ended
 * (`ongoing` for a call that had not ended when it was counted and started more than a day before).
 */
export const callDayCounts = pgTable(
  "call_day_counts",
  {
    day: text("day").notNull(),
    endResult: text("end_result").notNull(),
    calls: integer("calls").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.endResult] })],
);

/** How far the count of direct calls has come: every call started before `cursor` is in `call_day_counts`. */
export const callCountState = pgTable("call_count_state", {
  id: text("id").primaryKey(),
  cursor: timestamp("cursor", { withTimezone: true, mode: "date" }).notNull(),
  countedAt: timestamp("counted_at", { withTimezone: true, mode: "date" }).notNull(),
});

/** The console's own samples of an on-air event's `participant_count`, for the audience curve. */
export const participantSamples = pgTable(
  "participant_samples",
  {
    liveEventId: text("live_event_id").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    participantCount: integer("participant_count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.liveEventId, t.at] })],
);

/** Named list views (a page's filters as a query string), shared by every account of the console. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    page: text("page").notNull(),
    name: text("name").notNull(),
    query: text("query").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("saved_views_page_name").on(t.page, sql`lower(${t.name})`)],
);

/** Live events the activity index has read. An ended event is `final`: it is crawled once and never again. */
export const activityEvents = pgTable(
  "activity_events",
  {
    liveEventId: text("live_event_id").primaryKey(),
    title: text("title").notNull().default(""),
    state: text("state").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    final: boolean("final").notNull().default(false),
    crawledAt: timestamp("crawled_at", { withTimezone: true, mode: "date" }).notNull(),
    /** What the event's own answer said at the last crawl (`eventSignature`): unchanged, its sessions are not read again. */
    signature: text("signature").notNull().default(""),
  },
  (t) => [index("activity_events_created_at").on(t.createdAt)],
);

/** Who hosted or watched which live event: one row per host or participant session Sendbird lists. */
export const activityEntries = pgTable(
  "activity_entries",
  {
    liveEventId: text("live_event_id").notNull(),
    role: text("role", { enum: ["host", "participant"] }).notNull(),
    /** Sendbird's `host_id` or `participant_id`. */
    sessionId: text("session_id").notNull(),
    userId: text("user_id").notNull(),
    state: text("state").notNull(),
    enteredAt: timestamp("entered_at", { withTimezone: true, mode: "date" }),
    connectedAt: timestamp("connected_at", { withTimezone: true, mode: "date" }),
    exitedAt: timestamp("exited_at", { withTimezone: true, mode: "date" }),
    durationMs: bigint("duration_ms", { mode: "number" }),
    /** When a read of Sendbird first found the session as it is now (rows that did not change are not rewritten). */
    seenAt: timestamp("seen_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.liveEventId, t.role, t.sessionId] }),
    index("activity_entries_user").on(t.userId, t.enteredAt),
    check("activity_entries_role_check", sql`${t.role} in ('host', 'participant')`),
  ],
);

/**
 * The activity sync's progress, one row shared by every instance: the pass under way (where it has reached,
 * so a restart resumes there) and the last finished pass.
 */
export const activitySync = pgTable("activity_sync", {
  id: text("id").primaryKey(),
  /** Null between passes. */
  passStartedAt: timestamp("pass_started_at", { withTimezone: true, mode: "date" }),
  /** The oldest creation time the pass reaches back to (now minus the window when it started). */
  windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }),
  /** Creation time of the last event the pass finished with; the pass resumes from there. */
  cursor: timestamp("cursor", { withTimezone: true, mode: "date" }),
  eventsSeen: integer("events_seen").notNull().default(0),
  eventsCrawled: integer("events_crawled").notNull().default(0),
  entriesRecorded: integer("entries_recorded").notNull().default(0),
  /** The instance running the pass (host name and pid) and when it last reported progress. */
  instance: text("instance").notNull().default(""),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "date" }),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true, mode: "date" }),
  lastFinishedAt: timestamp("last_finished_at", { withTimezone: true, mode: "date" }),
  lastEventsSeen: integer("last_events_seen").notNull().default(0),
  lastEventsCrawled: integer("last_events_crawled").notNull().default(0),
  lastEntriesRecorded: integer("last_entries_recorded").notNull().default(0),
  /** The latest failure in plain words, cleared when a pass finishes. */
  lastError: text("last_error"),
  lastErrorAt: timestamp("last_error_at", { withTimezone: true, mode: "date" }),
});

/**
 * Secondary API tokens as this console knows them, by their last four characters and creation time (never
 * the value): when this console last used one (a replacement checked during a rotation).
 */
export const tokenUses = pgTable(
  "token_uses",
  {
    last4: text("last4").notNull(),
    /** The token's creation time as Sendbird gives it (ms; Sendbird counts in seconds). */
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }).notNull(),
    /** How: `rotation_check` (a replacement checked); a column so other uses can be told apart later. */
    how: text("how").notNull(),
  },
  (t) => [primaryKey({ columns: [t.last4, t.createdAt] }), check("token_uses_last4", sql`length(${t.last4}) <= 4`)],
);

/**
 * A guided rotation of a secondary token: a replacement generated, checked against the API, then the old
 * token revoked. One may be under way at a time; it survives restarts, so an admin can leave and resume.
 */
export const tokenRotations = pgTable(
  "token_rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    oldLast4: text("old_last4").notNull(),
    oldCreatedAt: timestamp("old_created_at", { withTimezone: true, mode: "date" }).notNull(),
    newLast4: text("new_last4").notNull(),
    newCreatedAt: timestamp("new_created_at", { withTimezone: true, mode: "date" }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    startedBy: text("started_by").notNull(),
    /** When the replacement was shown to work against the API; null until then. */
    checkedAt: timestamp("checked_at", { withTimezone: true, mode: "date" }),
    /** When the rotation ended, and how: `done` (old token revoked) or `abandoned`. */
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "date" }),
    outcome: text("outcome"),
  },
  (t) => [
    check("token_rotations_last4", sql`length(${t.oldLast4}) <= 4 and length(${t.newLast4}) <= 4`),
    check("token_rotations_outcome", sql`${t.outcome} is null or ${t.outcome} in ('done', 'abandoned')`),
    uniqueIndex("token_rotations_one_open")
      .on(sql`(true)`)
      .where(sql`${t.endedAt} is null`),
  ],
);

export * from "./schema-alerts";

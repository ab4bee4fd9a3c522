import "server-only";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/session";
import { endResultText } from "@/lib/calls/end-results";
import { csvRow } from "@/lib/csv";
import type { Database } from "@/lib/db";
import type { ExportJob } from "@/lib/exports/job";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { caseFileTimeline } from "./timeline";
import type { TimelineEntry } from "./timeline";
import { caseFileQuerySchema } from "./timeline-query";
import type { CaseFileQuery } from "./timeline-query";

export const bundleQuerySchema = caseFileQuerySchema.and(z.object({ format: z.enum(["json", "csv"], "Choose json or csv.").default("json") }));

/** The CSV's one table: a row for the profile, then one per timeline entry, told apart by `kind`; each time in ISO 8601 (UTC) and epoch ms. */
const csvHeader = [
  "kind",
  "time",
  "time_ms",
  "summary",
  "user_id",
  "other_user",
  "role",
  "end_result",
  "dashboard_label",
  "duration_s",
  "call_id",
  "live_event_id",
  "entered_at",
  "entered_at_ms",
  "exited_at",
  "exited_at_ms",
  "actor",
  "outcome",
] as const;
type CsvColumn = (typeof csvHeader)[number];

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? "" : new Date(ms).toISOString());
const epoch = (ms: number | null | undefined) => (ms === null || ms === undefined ? "" : ms);
const seconds = (ms: number | null) => (ms === null ? "" : Math.round(ms / 1000));
/** A time as the CSV's pair of columns. */
const times = (name: "time" | "entered_at" | "exited_at", ms: number | null | undefined) => ({ [name]: iso(ms), [`${name}_ms`]: epoch(ms) });

function csvLine(row: Partial<Record<CsvColumn, unknown>>): string {
  return csvRow(csvHeader.map((c) => row[c] ?? ""));
}

function entryRow(e: TimelineEntry): Partial<Record<CsvColumn, unknown>> {
  switch (e.kind) {
    case "call": {
      const result = endResultText(e.endResult);
      return {
        kind: "call",
        ...times("time", e.at),
        summary: `${e.isVideo ? "Video" : "Voice"} call: ${result.plain}`,
        other_user: e.other?.userId,
        role: e.role,
        end_result: e.endResult,
        dashboard_label: result.dashboard,
        duration_s: seconds(e.durationMs),
        call_id: e.callId,
      };
    }
    case "hosted":
    case "watched":
      return {
        kind: e.kind,
        ...times("time", e.at),
        summary: `${e.kind === "hosted" ? "Hosted" : "Watched"} "${e.title}" (event ${e.eventState})`,
        role: e.kind === "hosted" ? "host" : "participant",
        duration_s: seconds(e.durationMs),
        live_event_id: e.liveEventId,
        ...times("entered_at", e.enteredAt),
        ...times("exited_at", e.exitedAt),
      };
    case "change":
      return {
        kind: "change",
        ...times("time", e.at),
        summary: e.subject === null ? e.action : `${e.action} ${e.subject}`,
        actor: e.actorEmail,
        outcome: e.outcome,
      };
  }
}

/** The names of an entry's or a profile's times in epoch ms; JSON gives each an ISO 8601 twin (`atUtc`). */
const timeKeys = ["at", "enteredAt", "connectedAt", "exitedAt", "seenAt", "createdAt", "lastSeenAt"];

/** An object with an ISO 8601 (UTC) twin beside each epoch-ms time it has. */
function withUtc<T extends object>(o: T): T & Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    out[k] = v;
    if (timeKeys.includes(k) && (typeof v === "number" || v === null)) out[`${k}Utc`] = v === null ? null : new Date(v).toISOString();
  }
  return out as T & Record<string, unknown>;
}

interface BundleOptions {
  viewer: SessionUser;
  userId: string;
  query: CaseFileQuery;
  format: "json" | "csv";
}

/**
 * A user's case file as a download: JSON (profile, filters, timeline, each time in epoch ms with its ISO 8601
 * twin), or CSV (one table: the profile's row, then one row per timeline entry); `entries` is how many
 * timeline entries it holds.
 */
export async function supportBundle(client: SendbirdClient, db: Database, opts: BundleOptions) {
  const { viewer, userId, query, format } = opts;
  const [user, timeline] = await Promise.all([client.users.retrieve(userId), caseFileTimeline(client, db, userId, query)]);
  const entries = timeline.entries.length;
  const exportedAt = new Date(timeline.fetchedAt).toISOString();
  if (format === "json") {
    return {
      body: JSON.stringify(
        {
          exportedAt,
          exportedAtMs: timeline.fetchedAt,
          exportedBy: viewer.email,
          filters: { ...query, fromUtc: query.from === undefined ? undefined : iso(query.from), toUtc: query.to === undefined ? undefined : iso(query.to) },
          profile: withUtc(user),
          callsTruncated: timeline.callsTruncated,
          activityTruncated: timeline.activityTruncated,
          timeline: timeline.entries.map(withUtc),
        },
        null,
        2,
      ),
      type: "application/json",
      entries,
    };
  }
  const profile = {
    kind: "profile",
    ...times("time", user.createdAt),
    summary: `${user.nickname || user.userId}, ${user.isActive ? "active" : "deactivated"}; exported ${exportedAt} by ${viewer.email}`,
    user_id: user.userId,
  };
  const lines = [csvRow(csvHeader), csvLine(profile)];
  for (const e of timeline.entries) lines.push(csvLine({ ...entryRow(e), user_id: userId }));
  return { body: lines.join(""), type: "text/csv; charset=utf-8", entries };
}

/** The support bundle as an export, audited as `user.export_bundle`; give it the export lane's client (`exportSendbird()`). */
export function bundleExport(client: SendbirdClient, db: Database, opts: BundleOptions): ExportJob {
  return {
    action: "user.export_bundle",
    targetType: "user",
    targetId: opts.userId,
    details: { format: opts.format },
    limited: true,
    open: async () => {
      const bundle = await supportBundle(client, db, opts);
      const name = `case-file-${opts.userId.replace(/[^\w.-]/g, "_")}-${new Date().toISOString().slice(0, 10)}.${opts.format}`;
      const headers = { "content-type": bundle.type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" };
      return { response: new Response(bundle.body, { headers }), rows: () => bundle.entries };
    },
  };
}

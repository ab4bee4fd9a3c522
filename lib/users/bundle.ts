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

const csvHeader = [
  "time",
  "kind",
  "summary",
  "other_user",
  "role",
  "end_result",
  "dashboard_label",
  "duration_s",
  "call_id",
  "live_event_id",
  "entered_at",
  "exited_at",
  "actor",
  "outcome",
];

const iso = (ms: number | null) => (ms === null ? "" : new Date(ms).toISOString());
const seconds = (ms: number | null) => (ms === null ? "" : Math.round(ms / 1000));

function csvLine(e: TimelineEntry): readonly unknown[] {
  const time = iso(e.at);
  switch (e.kind) {
    case "call": {
      const result = endResultText(e.endResult);
      return [
        time,
        "call",
        `${e.isVideo ? "Video" : "Voice"} call: ${result.plain}`,
        e.other?.userId ?? "",
        e.role ?? "",
        e.endResult ?? "",
        result.dashboard,
        seconds(e.durationMs),
        e.callId,
        "",
        "",
        "",
        "",
        "",
      ];
    }
    case "hosted":
    case "watched":
      return [
        time,
        e.kind,
        `${e.kind === "hosted" ? "Hosted" : "Watched"} "${e.title}" (event ${e.eventState})`,
        "",
        e.kind === "hosted" ? "host" : "participant",
        "",
        "",
        seconds(e.durationMs),
        "",
        e.liveEventId,
        iso(e.enteredAt),
        iso(e.exitedAt),
        "",
        "",
      ];
    case "change":
      return [time, "change", e.subject === null ? e.action : `${e.action} ${e.subject}`, "", "", "", "", "", "", "", "", "", e.actorEmail, e.outcome];
  }
}

interface BundleOptions {
  viewer: SessionUser;
  userId: string;
  query: CaseFileQuery;
  format: "json" | "csv";
}

/**
 * A user's case file as a download: JSON (profile, filters, timeline), or CSV (a profile block, a blank line,
 * then one row per timeline entry); `entries` is how many timeline entries it holds.
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
          exportedBy: viewer.email,
          filters: query,
          profile: user,
          callsTruncated: timeline.callsTruncated,
          activityTruncated: timeline.activityTruncated,
          timeline: timeline.entries,
        },
        null,
        2,
      ),
      type: "application/json",
      entries,
    };
  }
  const lines = [
    csvRow(["user_id", "nickname", "active", "created_at", "exported_at"]),
    csvRow([user.userId, user.nickname, user.isActive, user.createdAt === null ? "" : new Date(user.createdAt).toISOString(), exportedAt]),
    "\r\n",
    csvRow(csvHeader),
  ];
  for (const e of timeline.entries) lines.push(csvRow(csvLine(e)));
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

import "server-only";
import { csvStream } from "@/lib/csv";
import type { CsvStream } from "@/lib/csv";
import type { Database } from "@/lib/db";
import { csvExport } from "@/lib/exports/job";
import type { ExportJob } from "@/lib/exports/job";
import { countAudit, eachAudit } from "./store";
import type { AuditFilter } from "./store";

const header = [
  "id",
  "time",
  "actor",
  "action",
  "target_type",
  "target_id",
  "outcome",
  "sendbird_code",
  "message",
  "details",
  "request_id",
  "ip",
  "user_agent",
  "hash",
];

/** The filtered trail as a CSV byte stream, read from the database batch by batch as the client pulls. */
export function auditCsvStream(db: Database, filter: AuditFilter): CsvStream {
  return csvStream(header, eachAudit(db, filter), (r) => [
    r.id,
    r.at,
    r.actorEmail,
    r.action,
    r.targetType,
    r.targetId,
    r.outcome,
    r.sendbirdCode,
    r.message,
    r.details,
    r.requestId,
    r.ip,
    r.userAgent,
    r.hash,
  ]);
}

/**
 * The audit trail's export, itself audited as `audit.export`. It is not limited per account: it reads only
 * the console's database, in batches, never the Sendbird read budget the limit shares out.
 */
export function auditExport(db: Database, filter: AuditFilter): ExportJob {
  return csvExport({ action: "audit.export", targetType: "audit", limited: false }, "audit", async () => ({
    total: await countAudit(db, filter),
    body: auditCsvStream(db, filter),
  }));
}

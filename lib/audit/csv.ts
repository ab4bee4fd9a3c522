import "server-only";
import { csvStream } from "@/lib/csv";
import type { Database } from "@/lib/db";
import { eachAudit } from "./index";
import type { AuditFilter } from "./index";

const header = ["id", "time", "actor", "action", "target_type", "target_id", "outcome", "sendbird_code", "message", "details", "request_id", "ip", "user_agent", "hash"];

/** The filtered trail as a CSV byte stream, read from the database batch by batch as the client pulls. */
export function auditCsvStream(db: Database, filter: AuditFilter): ReadableStream<Uint8Array> {
  return csvStream(header, eachAudit(db, filter), (r) => [r.id, r.at, r.actorEmail, r.action, r.targetType, r.targetId, r.outcome, r.sendbirdCode, r.message, r.details, r.requestId, r.ip, r.userAgent, r.hash]);
}

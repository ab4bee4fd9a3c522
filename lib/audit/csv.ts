import "server-only";
import { csvRow } from "@/lib/csv";
import type { Database } from "@/lib/db";
import { eachAudit } from "./index";
import type { AuditFilter } from "./index";

const header = ["id", "time", "actor", "action", "target_type", "target_id", "outcome", "sendbird_code", "message", "details", "request_id", "ip", "user_agent", "hash"];

/** The filtered trail as a CSV byte stream, read from the database batch by batch as the client pulls. */
export function auditCsvStream(db: Database, filter: AuditFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = eachAudit(db, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvRow(header)));
      }
      let chunk = "";
      for (let i = 0; i < 200; i += 1) {
        const next = await rows.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        const r = next.value;
        chunk += csvRow([r.id, r.at, r.actorEmail, r.action, r.targetType, r.targetId, r.outcome, r.sendbirdCode, r.message, r.details, r.requestId, r.ip, r.userAgent, r.hash]);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

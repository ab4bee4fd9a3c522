import { requestMeta } from "@/lib/api/request-meta";
import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { appendAudit, countAudit } from "@/lib/audit";
import { auditCsvStream } from "@/lib/audit/csv";
import { auditQuerySchema, toFilter } from "@/lib/audit/query";
import { csvResponse } from "@/lib/csv";
import { database } from "@/lib/db/server";

// GET /api/audit/export — the filtered audit trail as a streamed CSV (admins); the export itself is audited.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("audit.read");
  if (user instanceof Response) return user;
  const query = parseQuery(auditQuerySchema, request);
  if (!query.ok) return query.response;
  const filter = { ...toFilter(query.data), before: undefined, after: undefined };
  try {
    const db = await database();
    const total = await countAudit(db, filter);
    await appendAudit(db, {
      actorId: user.id,
      actorEmail: user.email,
      action: "audit.export",
      targetType: "audit",
      outcome: "success",
      ...requestMeta(request.headers),
      details: { rows: total, filters: new URL(request.url).search.slice(0, 300) },
    });
    return csvResponse(auditCsvStream(db, filter), "audit", total);
  } catch (err) {
    return handleApiError(err);
  }
}

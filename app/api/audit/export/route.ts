import { appendAudit } from "@/lib/audit";
import { auditCsvStream } from "@/lib/audit/csv";
import { auditQuerySchema, toFilter } from "@/lib/audit/query";
import { authorize, parseQuery } from "@/lib/api/route";
import { requestMeta } from "@/lib/api/request-meta";
import { countAudit } from "@/lib/audit";
import { database } from "@/lib/db/server";

// GET /api/audit/export — the filtered audit trail as a streamed CSV (admins); the export itself is audited.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("audit.read");
  if (user instanceof Response) return user;
  const query = parseQuery(auditQuerySchema, request);
  if (!query.ok) return query.response;
  const db = await database();
  const filter = { ...toFilter(query.data), before: undefined, after: undefined };
  const total = await countAudit(db, filter);
  const meta = requestMeta(request.headers);
  await appendAudit(db, {
    actorId: user.id,
    actorEmail: user.email,
    action: "audit.export",
    targetType: "audit",
    outcome: "success",
    ...meta,
    details: { rows: total, filters: new URL(request.url).search.slice(0, 300) },
  });
  return new Response(auditCsvStream(db, filter), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      "x-total-rows": String(total),
    },
  });
}

import { authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { auditExport } from "@/lib/audit/csv";
import { auditQuerySchema, toFilter } from "@/lib/audit/query";
import { database } from "@/lib/db/server";
import { runExport } from "@/lib/exports/run";

// GET /api/audit/export — the filtered audit trail as a streamed CSV (admins); the export itself is audited when it ends.
export async function GET(request: Request): Promise<Response> {
  const user = await authorize("audit.read");
  if (user instanceof Response) return user;
  const query = parseQuery(auditQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    const db = await database();
    return await runExport(auditExport(db, { ...toFilter(query.data), before: undefined, after: undefined }), { db, request, user });
  } catch (err) {
    return handleApiError(err);
  }
}

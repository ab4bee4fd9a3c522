import { apiRoute } from "@/lib/api/route";
import { listAudit } from "@/lib/audit/store";
import { auditPageSize as pageSize, auditQuerySchema, toFilter } from "@/lib/audit/query";
import { database } from "@/lib/db/server";

// GET /api/audit — one page (50 rows, newest first) of the filtered audit trail as JSON (admins).
export const GET = apiRoute({ query: auditQuerySchema, permission: "audit.read" }, async ({ query }) => {
  // One row more than a page says whether an older page exists.
  const rows = await listAudit(await database(), { ...toFilter(query), limit: pageSize + 1 });
  const page = rows.slice(0, pageSize);
  return { rows: page, next: rows.length > pageSize ? (page.at(-1)?.id ?? null) : null };
});

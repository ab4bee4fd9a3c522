import { apiRoute } from "@/lib/api/route";
import { listAudit } from "@/lib/audit";
import { auditQuerySchema, toFilter } from "@/lib/audit/query";
import { database } from "@/lib/db/server";

// GET /api/audit — one page (50 rows, newest first) of the filtered audit trail as JSON (admins).
export const GET = apiRoute({ query: auditQuerySchema, permission: "audit.read" }, async ({ query }) => {
  const rows = await listAudit(await database(), { ...toFilter(query), limit: 50 });
  return { rows, next: rows.length === 50 ? rows[rows.length - 1]?.id : null };
});

import { apiError, authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { runExport } from "@/lib/exports/run";
import { bundleExport, bundleQuerySchema } from "@/lib/users/bundle";
import { userIdSchema } from "@/lib/users/case-file";
import { exportSendbird } from "@/lib/sendbird/server";

// GET /api/users/[userId]/bundle?format=json|csv — the case file (profile and timeline) as a download; audited and limited per account.
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }): Promise<Response> {
  const viewer = await authorize("data.read");
  if (viewer instanceof Response) return viewer;
  const userId = userIdSchema.safeParse((await params).userId);
  if (!userId.success) return apiError(400, "invalid_query", `userId: ${userId.error.issues[0]?.message ?? "invalid"}`);
  const query = parseQuery(bundleQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    const { format, ...filters } = query.data;
    const db = await database();
    return await runExport(bundleExport(exportSendbird(), db, { viewer, userId: userId.data, query: filters, format }), { db, request, user: viewer });
  } catch (err) {
    return handleApiError(err);
  }
}

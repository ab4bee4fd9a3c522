import { requestMeta } from "@/lib/api/request-meta";
import { apiError, authorize, handleApiError, parseQuery } from "@/lib/api/route";
import { database } from "@/lib/db/server";
import { sendbird } from "@/lib/sendbird/server";
import { bundleQuerySchema, supportBundle } from "@/lib/users/bundle";
import { userIdSchema } from "@/lib/users/case-file";

// GET /api/users/[userId]/bundle?format=json|csv — the case file (profile and timeline) as a download; audited.
export async function GET(request: Request, { params }: { params: Promise<{ userId: string }> }): Promise<Response> {
  const viewer = await authorize("data.read");
  if (viewer instanceof Response) return viewer;
  const userId = userIdSchema.safeParse((await params).userId);
  if (!userId.success) return apiError(400, "invalid_query", `userId: ${userId.error.issues[0]?.message ?? "invalid"}`);
  const query = parseQuery(bundleQuerySchema, request);
  if (!query.ok) return query.response;
  try {
    const { format, ...filters } = query.data;
    const bundle = await supportBundle({ db: await database(), client: sendbird(), viewer, userId: userId.data, query: filters, format, meta: requestMeta(request.headers) });
    const name = `case-file-${userId.data.replace(/[^\w.-]/g, "_")}-${new Date().toISOString().slice(0, 10)}.${format}`;
    return new Response(bundle.body, { headers: { "content-type": bundle.type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" } });
  } catch (err) {
    return handleApiError(err);
  }
}

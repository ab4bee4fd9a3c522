import { responseRoute } from "@/lib/api/route";
import { serveImage } from "@/lib/images/serve";
import { imageKey } from "@/lib/images/server";
import { imageQuerySchema } from "@/lib/images/signing";

// GET /api/images?u=&exp=&sig= — a third-party image the console signed, fetched by the server so its host never sees who looked.
export const GET = responseRoute({ query: imageQuerySchema, permission: "data.read" }, ({ query }) =>
  serveImage(query, { key: imageKey(), nowMs: Date.now() }),
);

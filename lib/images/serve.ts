import "server-only";
import { AppError } from "@/lib/errors";
import { fetchImage } from "./fetch";
import type { FetchImageOptions } from "./fetch";
import { verifyImageLink } from "./signing";
import type { ImageQuery } from "./signing";

/**
 * The answer to a signed image link: the link checked (410 once expired, 403 unless this key made it), the
 * image fetched under the policy (one that cannot be had answers 204, the reason in a header), and its bytes sent with a type from the allow-list, no sniffing, a policy
 * that lets nothing inside run, and a cache kept by this browser only until the link expires.
 */
export async function serveImage(query: ImageQuery, options: { key: Buffer; nowMs: number } & FetchImageOptions): Promise<Response> {
  const { key, nowMs, ...fetching } = options;
  const verdict = verifyImageLink(query, key, nowMs);
  if (verdict === "expired") throw new AppError("image_link_expired", "This image link has expired. Reload the page for a new one.", 410);
  if (verdict === "invalid") throw new AppError("image_link_invalid", "This image link was not made by this console.", 403);
  const maxAge = Math.max(0, query.exp - Math.ceil(nowMs / 1000));
  let image: Awaited<ReturnType<typeof fetchImage>>;
  try {
    image = await fetchImage(query.u, fetching);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // No image to show: the page shows the user's initial. An empty answer makes the image fail quietly,
    // where an error status would be logged in the browser's console on every page that shows it. The
    // reason goes in a header, and the answer is kept a minute so a list does not ask again for every row.
    return new Response(null, {
      status: 204,
      headers: { "x-image-unavailable": err.code, "cache-control": `private, max-age=${Math.min(maxAge, 60)}` },
    });
  }
  return new Response(new Uint8Array(image.body), {
    headers: {
      "content-type": image.type,
      "content-length": String(image.body.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": `private, max-age=${maxAge}`,
    },
  });
}

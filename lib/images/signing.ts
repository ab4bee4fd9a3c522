import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** How long a link is good for at least; links made in the same hour are the same, so browsers can cache them. */
export const linkLifetimeS = 60 * 60;

/** The longest image URL a link carries. */
export const maxImageUrlLength = 4096;

/** The query of `/api/images`: the image's URL, when the link expires (unix seconds) and the signature of both. */
export const imageQuerySchema = z
  .object({
    u: z.string().min(1).max(maxImageUrlLength),
    exp: z
      .string()
      .regex(/^\d{1,12}$/, "Expected unix seconds.")
      .transform(Number),
    sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Expected a signature."),
  })
  .strict();
export type ImageQuery = z.infer<typeof imageQuerySchema>;

/** The key that signs image links, derived from the session secret so it never signs anything else. */
export function imageLinkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "showrunner image links v1", 32));
}

function signature(key: Buffer, url: string, exp: number): string {
  return createHmac("sha256", key).update(`${exp}:${url}`).digest("base64url");
}

/** When a link made now expires: the end of the next whole hour, so between one and two hours away. */
export function linkExpiry(nowMs: number): number {
  return (Math.floor(nowMs / 1000 / linkLifetimeS) + 2) * linkLifetimeS;
}

/** The same-origin address that serves an image URL, signed with the key until `linkExpiry(nowMs)`. */
export function signedImagePath(url: string, key: Buffer, nowMs: number): string {
  const exp = linkExpiry(nowMs);
  return `/api/images?${new URLSearchParams({ u: url, exp: String(exp), sig: signature(key, url, exp) })}`;
}

/** Whether a link is one this key made and still good; an expired link is refused whatever its signature. */
export function verifyImageLink(query: ImageQuery, key: Buffer, nowMs: number): "ok" | "expired" | "invalid" {
  if (query.exp * 1000 <= nowMs) return "expired";
  const expected = Buffer.from(signature(key, query.u, query.exp));
  const given = Buffer.from(query.sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "invalid";
}

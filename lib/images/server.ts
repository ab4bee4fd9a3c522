import "server-only";
import { sessionSecret } from "@/lib/auth/secret";
import { settings } from "@/lib/env";
import { imageLinkKey, maxImageUrlLength, signedImagePath } from "./signing";
import { imageTarget, strictPolicy } from "./target";

/** The key of this console's image links (consoles sharing a session secret share it). */
export function imageKey(): Buffer {
  return imageLinkKey(sessionSecret(settings()));
}

/**
 * What an `<img>` shows for a third-party image URL: a signed same-origin link to the image proxy, or null
 * when the proxy would refuse the URL without fetching it (not https, a local name, a private address, too
 * long), so the page shows its fallback instead of asking.
 */
export function proxiedImageSrc(url: string, nowMs = Date.now()): string | null {
  if (!url) return null;
  let target: URL;
  try {
    target = imageTarget(url, strictPolicy);
  } catch {
    return null;
  }
  return target.href.length > maxImageUrlLength ? null : signedImagePath(target.href, imageKey(), nowMs);
}

import { request as httpRequest } from "node:http";
import type { IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";
import { imageTarget, resolveTarget, strictPolicy, systemResolver } from "./target";
import type { ImagePolicy, ResolvedAddress, Resolver } from "./target";

/** The image types served; SVG is not among them, since it can carry script. */
export const imageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "image/avif"] as const;
export type ImageType = (typeof imageTypes)[number];

export interface FetchImageOptions {
  policy?: ImagePolicy;
  resolve?: Resolver;
  /** For the whole fetch: resolving, connecting, every redirect and the body. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchedImage {
  /** The type the bytes are, whatever the host called them. */
  type: ImageType;
  body: Buffer;
}

export const imageLimits = { timeoutMs: 5_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3 };

/** The first bytes of each served type: the answer's type is what the bytes are, never only what the host says. */
const magic: Record<ImageType, (b: Buffer) => boolean> = {
  "image/png": (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  "image/jpeg": (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  "image/gif": (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1")),
  "image/webp": (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  "image/avif": (b) =>
    b.subarray(4, 8).toString("latin1") === "ftyp" && /avi[fs]/.test(b.subarray(8, Math.min(b.length, b.readUInt32BE(0))).toString("latin1")),
};

/** The served type the bytes are, or null. */
export function sniffImage(body: Buffer): ImageType | null {
  if (body.length < 12) return null;
  return imageTypes.find((type) => magic[type](body)) ?? null;
}

const unreachable = (message: string) => new AppError("image_unreachable", message, 502);
const tooLarge = (maxBytes: number) =>
  new AppError("image_too_large", `This image is over ${Math.round(maxBytes / 1024)} KB, so the console does not show it.`, 502);
const wrongType = () => new AppError("image_type_refused", "This address does not hold a PNG, JPEG, GIF, WebP or AVIF image.", 502);

/** A lookup that answers only the address already checked, so the connection goes where the check looked. */
function pinned({ address, family }: ResolvedAddress): LookupFunction {
  return (_host, options, callback) => {
    // Node asks for every address when it races IPv4 and IPv6; the callback's type names only the one-address form.
    if (options.all) (callback as unknown as (err: null, all: ResolvedAddress[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

type Hop = { redirect: URL } | FetchedImage;

/** One request: no cookie, no referrer, nothing about who asked; a redirect is returned, not followed. */
function hop(url: URL, to: ResolvedAddress, maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Hop>((resolve, reject) => {
    const req = send(
      url,
      {
        method: "GET",
        agent: false,
        lookup: pinned(to),
        signal,
        headers: { accept: imageTypes.join(","), "accept-encoding": "identity", "user-agent": "Showrunner image proxy" },
      },
      (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if ([301, 302, 303, 307, 308].includes(status) && location) {
          res.destroy();
          try {
            resolve({ redirect: new URL(location, url) });
          } catch {
            reject(unreachable("This image's host redirected to something that is not a URL."));
          }
          return;
        }
        if (status < 200 || status > 299) {
          res.destroy();
          return reject(unreachable(`This image's host answered ${status}.`));
        }
        const declared = (res.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
        if (!imageTypes.some((type) => type === declared)) {
          res.destroy();
          return reject(wrongType());
        }
        if (Number(res.headers["content-length"] ?? 0) > maxBytes) {
          res.destroy();
          return reject(tooLarge(maxBytes));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            req.destroy();
            return reject(tooLarge(maxBytes));
          }
          chunks.push(chunk);
        });
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const type = sniffImage(body);
          if (type) resolve({ type, body });
          else reject(wrongType());
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Rejects when the signal fires, whatever the work is waiting on (the name lookup takes no signal at all). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/**
 * Fetches a third-party image for the console: every URL (the first and each redirect) checked against the
 * policy, resolved, and refused unless every address is allowed, then connected to at the address checked;
 * at most a few redirects, one deadline for all of it, a size cap enforced mid-stream, and only the image
 * types listed, by header and by bytes. Every failure is an AppError with a status for the route to answer.
 */
export async function fetchImage(raw: string, options: FetchImageOptions = {}): Promise<FetchedImage> {
  const { policy = strictPolicy, resolve = systemResolver } = options;
  const { timeoutMs, maxBytes, maxRedirects } = { ...imageLimits, ...options };
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new AppError("image_timeout", `This image's host did not answer within ${timeoutMs / 1000} s.`, 504)),
    timeoutMs,
  );
  try {
    let url = imageTarget(raw, policy);
    for (let redirects = 0; ; redirects++) {
      const to = await unlessAborted(resolveTarget(url, policy, resolve), controller.signal);
      const answer = await unlessAborted(hop(url, to, maxBytes, controller.signal), controller.signal);
      if (!("redirect" in answer)) return answer;
      if (redirects >= maxRedirects) throw unreachable(`This image's host redirected more than ${maxRedirects} times.`);
      url = imageTarget(answer.redirect, policy);
    }
  } catch (err) {
    if (controller.signal.aborted && controller.signal.reason instanceof AppError) throw controller.signal.reason;
    if (err instanceof AppError) throw err;
    throw unreachable("This image's host could not be reached.");
  } finally {
    clearTimeout(timer);
  }
}

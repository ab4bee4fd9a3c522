import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { AppError } from "@/lib/errors";
import { isLocalName, isPublicAddress } from "./address";

/** Where images may come from. The default is strict; tests widen it to reach a server on loopback. */
export interface ImagePolicy {
  /** URL schemes an image may be fetched over. */
  schemes: readonly string[];
  /** Ports as `URL.port` spells them: "" is the scheme's default. */
  ports: readonly string[];
  /** Whether the console may connect to this resolved address. */
  allowsAddress(address: string): boolean;
}

/** https on its default port, to ordinary hosts of the public internet only. */
export const strictPolicy: ImagePolicy = { schemes: ["https:"], ports: [""], allowsAddress: isPublicAddress };

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address a host name resolves to. */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

const refusedAddress = () => new AppError("image_address_refused", "This image's host is not on the public internet, so the console does not fetch it.", 403);

/** The host of a URL without the brackets of an IPv6 literal. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}

/**
 * The URL an image may be fetched from under a policy, or an AppError saying why not. What can be judged
 * without resolving is judged here: the scheme, the port, credentials, an address written as the host
 * (the URL parser has already read `2130706433` or `0x7f.1` as `127.0.0.1`), and names that are local by nature.
 */
export function imageTarget(raw: string | URL, policy: ImagePolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("image_url_refused", "This image address is not a URL.", 400);
  }
  if (!policy.schemes.includes(url.protocol)) throw new AppError("image_url_refused", "The console fetches images over https only.", 400);
  if (!policy.ports.includes(url.port)) throw new AppError("image_url_refused", "The console fetches images from the default https port only.", 400);
  if (url.username || url.password) throw new AppError("image_url_refused", "An image address with a user name or password is not fetched.", 400);
  const host = bareHost(url);
  if (isIP(host) ? !policy.allowsAddress(host) : isLocalName(host)) throw refusedAddress();
  return url;
}

/**
 * The one address the console will connect to for a URL that passed `imageTarget`: the host resolved, and
 * refused if any of its addresses is not allowed (a name that mixes public and private addresses is not trusted).
 */
export async function resolveTarget(url: URL, policy: ImagePolicy, resolve: Resolver): Promise<ResolvedAddress> {
  const host = bareHost(url);
  const family = isIP(host);
  if (family) return { address: host, family };
  let addresses: ResolvedAddress[];
  try {
    addresses = await resolve(host);
  } catch {
    throw new AppError("image_unreachable", "This image's host name does not resolve.", 502);
  }
  const [first] = addresses;
  if (!first) throw new AppError("image_unreachable", "This image's host name does not resolve.", 502);
  if (!addresses.every((a) => policy.allowsAddress(a.address))) throw refusedAddress();
  return first;
}

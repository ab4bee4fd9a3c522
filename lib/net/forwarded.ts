// No "server-only": the console's HTTP server (scripts/serve.ts) and settings parsing use it outside React. It holds no secret.
import { BlockList, isIP } from "node:net";

/** The proxies whose `X-Forwarded-*` headers are believed; none by default. */
export interface TrustedProxies {
  /** What the setting said, for messages. */
  readonly source: string;
  readonly list: BlockList;
  readonly empty: boolean;
}

/** An IPv4 address reached over IPv6 (`::ffff:10.0.0.1`) is the IPv4 address. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The eight 16-bit groups of a valid IPv6 address (an IPv4 tail becomes the last two). */
function ipv6Groups(address: string): number[] {
  const [head = "", tail] = address.split("::");
  const part = (s: string | undefined) =>
    (s ? s.split(":") : []).flatMap((g) => {
      if (!g.includes(".")) return [Number.parseInt(g, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = g.split(".").map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The block of addresses one client holds, for counting its sign-in attempts: an IPv4 address itself, and
 * an IPv6 address's /64, since a single host is routinely given a whole /64 and could otherwise be a new
 * address at every attempt. Anything else is itself.
 */
export function sourceOf(ip: string): string {
  const address = plainAddress(ip);
  if (isIP(address) !== 6) return address;
  return `${ipv6Groups(address)
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/**
 * Parses `TRUSTED_PROXIES`: addresses and CIDR ranges, comma-separated (`10.0.0.0/8, ::1`). Throws an
 * Error naming the first entry that is neither.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = "", bits, ...rest] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
    if (family === 0 || rest.length > 0 || !(prefix >= 0 && prefix <= (family === 6 ? 128 : 32))) {
      throw new Error(`"${entry.slice(0, 60)}" is not an IP address or a CIDR range like 10.0.0.0/8`);
    }
    list.addSubnet(address, prefix, family === 6 ? "ipv6" : "ipv4");
  }
  return { source: entries.join(", "), list, empty: entries.length === 0 };
}

function trusts(proxies: TrustedProxies, address: string): boolean {
  const family = isIP(address);
  if (proxies.empty || family === 0) return false;
  return proxies.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** Whether the peer at `address` is one of the trusted proxies (whose request id, too, is believed). */
export function isTrustedPeer(address: string | undefined, proxies: TrustedProxies): boolean {
  return trusts(proxies, plainAddress(address ?? ""));
}

export interface ClientOrigin {
  /** The client's address: the peer's, or the nearest one a trusted proxy names. Always a valid IP or "unknown". */
  ip: string;
  /** Reached over TLS: the socket's own, or a trusted proxy's word. */
  https: boolean;
}

/**
 * Who is on the other end of a request. Only a trusted peer's `X-Forwarded-For` is read, from the right:
 * each hop is named by the one after it, so the first address that is not a trusted proxy is the client,
 * and whatever a client wrote further left is never believed.
 */
export function clientOrigin(
  peer: { address: string | undefined; encrypted: boolean },
  headers: { forwardedFor: string | string[] | undefined; forwardedProto: string | string[] | undefined },
  proxies: TrustedProxies,
): ClientOrigin {
  let ip = plainAddress(peer.address ?? "");
  if (isIP(ip) === 0) return { ip: "unknown", https: peer.encrypted };
  if (!trusts(proxies, ip)) return { ip, https: peer.encrypted };
  // The nearest trusted proxy's word, as for the address: values further left are whatever came before it.
  const proto = [headers.forwardedProto ?? []].flat().join(",").split(",").at(-1)?.trim().toLowerCase();
  const hops = [headers.forwardedFor ?? []]
    .flat()
    .join(",")
    .split(",")
    .map((h) => plainAddress(h.trim()))
    .filter(Boolean);
  while (trusts(proxies, ip) && hops.length > 0) {
    const hop = hops.pop() ?? "";
    // A trusted proxy wrote something that is not an address: the proxy is the last hop known.
    if (isIP(hop) === 0) break;
    ip = hop;
  }
  return { ip, https: proto === undefined || proto === "" ? peer.encrypted : proto === "https" };
}

/** Headers that say who the client is or how it connected: only the console's own server may set them. */
const forwardingHeaders = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-real-ip", "forwarded"] as const;

/**
 * Rewrites a request's forwarding headers before anything else reads them: `X-Forwarded-For` becomes the
 * one client address believed, `X-Forwarded-Proto` the scheme believed, and the rest go unless a trusted
 * proxy sent them. Returns the client's origin.
 */
export function settleForwardedHeaders(
  request: { headers: Record<string, string | string[] | undefined>; socket: { remoteAddress?: string; encrypted?: boolean } },
  proxies: TrustedProxies,
): ClientOrigin {
  const { headers, socket } = request;
  const origin = clientOrigin(
    { address: socket.remoteAddress, encrypted: socket.encrypted === true },
    { forwardedFor: headers["x-forwarded-for"], forwardedProto: headers["x-forwarded-proto"] },
    proxies,
  );
  const fromProxy = trusts(proxies, plainAddress(socket.remoteAddress ?? ""));
  // A trusted proxy's host and port stay (Next builds absolute URLs from them); the rest is replaced or dropped.
  for (const name of forwardingHeaders) {
    if (!fromProxy || !(name === "x-forwarded-host" || name === "x-forwarded-port")) Reflect.deleteProperty(headers, name);
  }
  headers["x-forwarded-for"] = origin.ip;
  headers["x-forwarded-proto"] = origin.https ? "https" : "http";
  return origin;
}

// Pure checks on addresses and host names, no I/O: the image proxy's idea of "somewhere on the public internet".

/** IPv4 ranges that are not the public internet (RFC 6890 and its successors). */
const refusedV4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8], // "this network", including the unspecified address
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, and the broadcast address
];

/** Inside global unicast (2000::/3, the only IPv6 space allowed), the blocks that are not ordinary hosts. */
const refusedV6: readonly (readonly [string, number])[] = [
  ["2001::", 23], // protocol assignments, Teredo among them
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4, which tunnels to any IPv4 address
  ["3fff::", 20], // documentation
];

/** Names that never mean a public host: reserved (RFC 6761, RFC 8375) or local by convention. */
const localSuffixes = ["localhost", "invalid", "local", "internal", "home.arpa"];

/** A dotted-decimal IPv4 address as a number, or null for anything else (other forms are not accepted here). */
export function ipv4Value(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = value * 256 + Number(part);
  }
  return value;
}

/** An IPv6 address (an IPv4 tail allowed) as a 128-bit number, or null; zone ids (`%eth0`) are refused as unparsable. */
export function ipv6Value(text: string): bigint | null {
  let body = text;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (tail?.[1]) {
    const v4 = ipv4Value(tail[1]);
    if (v4 === null) return null;
    body = `${body.slice(0, -tail[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = body.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (half: string | undefined) => (half ? half.split(":") : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill("0"), ...rest];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

function inV4(value: number, [base, bits]: readonly [string, number]): boolean {
  const shift = 32 - bits;
  return Math.floor(value / 2 ** shift) === Math.floor((ipv4Value(base) ?? -1) / 2 ** shift);
}

function inV6(value: bigint, [base, bits]: readonly [string, number]): boolean {
  const shift = BigInt(128 - bits);
  return value >> shift === (ipv6Value(base) ?? -1n) >> shift;
}

function publicV4(value: number): boolean {
  return !refusedV4.some((range) => inV4(value, range));
}

/**
 * Whether an address (as a resolver returns it) is an ordinary host on the public internet. Loopback, private,
 * link-local, unique-local, CGNAT, multicast, unspecified, documentation and reserved ranges are not; an
 * IPv4-mapped or NAT64 IPv6 address is judged by the IPv4 address it reaches. Anything unparsable is refused.
 */
export function isPublicAddress(address: string): boolean {
  const v4 = ipv4Value(address);
  if (v4 !== null) return publicV4(v4);
  const v6 = ipv6Value(address);
  if (v6 === null) return false;
  const low32 = Number(v6 & 0xffffffffn);
  if (inV6(v6, ["::ffff:0:0", 96]) || inV6(v6, ["64:ff9b::", 96])) return publicV4(low32);
  return inV6(v6, ["2000::", 3]) && !refusedV6.some((range) => inV6(v6, range));
}

/** Whether a host name (not an address) can only mean something local: a single label, or a reserved or local suffix. */
export function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, "");
  if (!name.includes(".")) return true;
  return localSuffixes.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

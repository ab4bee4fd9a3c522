import "server-only";
import { lookup, type LookupAddress } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";

/** What the operator allows alert channels to reach beyond the public internet. */
export interface DestinationPolicy {
  /** http:// (and plain SMTP) to loopback addresses only: for tests and local receivers. */
  allowHttpLoopback: boolean;
  /** Private, loopback, CGNAT and link-local addresses (an internal Slack proxy, a mail relay on the LAN). */
  allowPrivate: boolean;
}

export const strictPolicy: DestinationPolicy = { allowHttpLoopback: false, allowPrivate: false };

/** A destination the policy refuses; the message is the sentence to show an admin. */
export class DestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DestinationError";
  }
}

const allowLoopbackSetting = "SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK";
const allowPrivateSetting = "SHOWRUNNER_ALERTS_ALLOW_PRIVATE";
const maxUrlLength = 2000;
const maxAnswerLength = 2000;

type AddressKind = "unspecified" | "loopback" | "private" | "shared" | "link-local" | "multicast" | "broadcast" | "reserved";

// Checked in order: 255.255.255.255 is also inside 240.0.0.0/4, and the narrower name is the clearer one.
const ranges: [AddressKind, string[]][] = [
  ["unspecified", ["0.0.0.0/8", "::/128"]],
  ["loopback", ["127.0.0.0/8", "::1/128"]],
  // fec0::/10 is the deprecated site-local range, still routed inside some networks.
  ["private", ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"]],
  ["shared", ["100.64.0.0/10"]],
  ["link-local", ["169.254.0.0/16", "fe80::/10"]],
  ["multicast", ["224.0.0.0/4", "ff00::/8"]],
  ["broadcast", ["255.255.255.255/32"]],
  ["reserved", ["240.0.0.0/4"]],
];

const blocks = ranges.map(([kind, subnets]): [AddressKind, BlockList] => {
  const list = new BlockList();
  for (const subnet of subnets) {
    const [network = "", bits = ""] = subnet.split("/");
    list.addSubnet(network, Number(bits), isIP(network) === 6 ? "ipv6" : "ipv4");
  }
  return [kind, list];
});

/**
 * The IPv4 address inside an IPv6 one that only carries it (mapped `::ffff:10.0.0.1`, NAT64 `64:ff9b::…`,
 * the old compatible `::10.0.0.1`): a connection to it reaches the IPv4 address, so that is what is judged.
 */
function carriedIpv4(ipv6: string): string | null {
  // The URL parser writes every spelling of an IPv6 address in one canonical form.
  const canonical = new URL(`http://[${ipv6}]`).hostname.slice(1, -1);
  const match = /^(?:::ffff:|64:ff9b::|::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const high = Number.parseInt(match[1] ?? "0", 16);
  const low = Number.parseInt(match[2] ?? "0", 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

/** The address as judged (an IPv4 address carried in IPv6 is that IPv4 address), or null when it is not an IP address. */
function judgedAddress(ip: string): { address: string; family: "ipv4" | "ipv6"; shown: string } | null {
  const bare = ip.startsWith("[") && ip.endsWith("]") ? ip.slice(1, -1) : ip;
  // A zone (`fe80::1%eth0`) names the interface, not the address.
  const address = bare.split("%")[0] ?? "";
  const family = isIP(address);
  if (family === 4) return { address, family: "ipv4", shown: address };
  if (family !== 6) return null;
  const ipv4 = carriedIpv4(address);
  return ipv4 ? { address: ipv4, family: "ipv4", shown: `${address} (${ipv4})` } : { address, family: "ipv6", shown: address };
}

function kindOf(address: string, family: "ipv4" | "ipv6"): AddressKind | null {
  return blocks.find(([, list]) => list.check(address, family))?.[0] ?? null;
}

/** Whether an IP address is this machine (127.0.0.0/8, ::1, or IPv4 loopback carried in IPv6). */
export function isLoopbackAddress(ip: string): boolean {
  const judged = judgedAddress(ip);
  return judged !== null && kindOf(judged.address, judged.family) === "loopback";
}

/** Why an address may not be reached under the policy, in words for an admin; null when it may. */
export function addressProblem(ip: string, policy: DestinationPolicy): string | null {
  const judged = judgedAddress(ip);
  if (!judged) return `${ip.slice(0, 60)} is not an IP address.`;
  const local = policy.allowHttpLoopback || policy.allowPrivate;
  const setLocal = `set ${allowLoopbackSetting}=true or ${allowPrivateSetting}=true to allow it.`;
  const setPrivate = `set ${allowPrivateSetting}=true to allow it.`;
  const { shown } = judged;
  switch (kindOf(judged.address, judged.family)) {
    case null:
      return null;
    case "unspecified":
      return local ? null : `The address ${shown} means "any address", which reaches this machine; ${setLocal}`;
    case "loopback":
      return local ? null : `The address ${shown} is this machine; ${setLocal}`;
    case "private":
      return policy.allowPrivate ? null : `The address ${shown} is on a private network; ${setPrivate}`;
    case "shared":
      return policy.allowPrivate ? null : `The address ${shown} is in the carrier-grade NAT range 100.64.0.0/10; ${setPrivate}`;
    case "link-local":
      return policy.allowPrivate ? null : `The address ${shown} is link-local, where cloud metadata services answer; ${setPrivate}`;
    case "multicast":
      return `Alerts cannot be sent to the multicast address ${shown}.`;
    case "broadcast":
      return `Alerts cannot be sent to the broadcast address ${shown}.`;
    case "reserved":
      return `Alerts cannot be sent to the reserved address ${shown}.`;
  }
}

const httpRule = `http:// is allowed only to this machine (localhost), and only when ${allowLoopbackSetting} is true.`;

/** Checks a webhook URL as typed (no DNS): the parsed URL, or a sentence saying what to change. */
export function checkWebhookUrl(raw: string, policy: DestinationPolicy): { ok: true; url: URL } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  const text = raw.trim();
  if (text === "") return fail("Enter the webhook address.");
  if (text.length > maxUrlLength) return fail("Use an address of at most 2,000 characters.");
  if (!URL.canParse(text)) return fail("Enter a full address that starts with https://.");
  const url = new URL(text);
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail("Use an https:// address.");
  if (url.username !== "" || url.password !== "") return fail("Take the user name and password out of the address.");
  // An empty fragment (`…/hook#`) parses to an empty hash but was still typed.
  if (url.hash !== "" || text.includes("#")) return fail("Take the #… part out of the address.");
  const literal = judgedAddress(url.hostname);
  const loopbackHost = url.hostname === "localhost" || isLoopbackAddress(url.hostname);
  if (url.protocol === "http:" && !(policy.allowHttpLoopback && loopbackHost)) return fail(httpRule);
  if (literal) {
    const problem = addressProblem(url.hostname, policy);
    if (problem) return fail(problem);
  } else if (url.hostname === "localhost" && !policy.allowHttpLoopback && !policy.allowPrivate) {
    return fail(`localhost is this machine; set ${allowLoopbackSetting}=true or ${allowPrivateSetting}=true to allow it.`);
  }
  return { ok: true, url };
}

/** Why a host's resolved address is refused, or null; `loopbackOnly` for plain connections, which may only stay on this machine. */
function resolvedProblem(host: string, address: string, policy: DestinationPolicy, loopbackOnly: boolean): string | null {
  if (loopbackOnly && !isLoopbackAddress(address)) return `${host} points to ${address}, which is not this machine; ${httpRule}`;
  const problem = addressProblem(address, policy);
  return problem ? `${host} points to ${address}. ${problem}` : null;
}

/** A name server that never answers would otherwise hold a save or a send for as long as the resolver waits. */
const lookupTimeoutMs = 5_000;

function lookupAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Could not find the host ${host} (no answer from DNS within ${lookupTimeoutMs / 1000} s).`)),
      lookupTimeoutMs,
    );
    lookup(host, { all: true }, (err, addresses) => {
      clearTimeout(timer);
      if (err) reject(new Error(`Could not find the host ${host} (${err.code ?? err.message}).`, { cause: err }));
      else resolve(addresses);
    });
  });
}

/** Resolves a host name (or takes a literal IP) and returns its first address; throws DestinationError when any address is refused. */
export async function resolveAllowed(host: string, policy: DestinationPolicy): Promise<string> {
  const literal = judgedAddress(host);
  if (literal) {
    const problem = addressProblem(host, policy);
    if (problem) throw new DestinationError(problem);
    return host.startsWith("[") ? host.slice(1, -1) : host;
  }
  const addresses = await lookupAll(host);
  for (const { address } of addresses) {
    const problem = resolvedProblem(host, address, policy, false);
    if (problem) throw new DestinationError(problem);
  }
  const first = addresses[0];
  if (!first) throw new Error(`Could not find the host ${host} (no addresses).`);
  return first.address;
}

/**
 * The `lookup` a request's socket calls right before it connects: the addresses judged are the ones
 * connected to, so a name that answers differently the second time (DNS rebinding) gains nothing.
 */
function guardedLookup(policy: DestinationPolicy, loopbackOnly: boolean): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const problem = addresses.map((a) => resolvedProblem(hostname, a.address, policy, loopbackOnly)).find((p) => p !== null);
      if (problem) return callback(new DestinationError(problem), []);
      const first = addresses[0];
      if (options.all || !first) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

function codeOf(err: Error): string {
  return "code" in err && typeof err.code === "string" ? err.code : err.message;
}

function failure(err: Error, host: string, connected: boolean): Error {
  if (err instanceof DestinationError) return err;
  const code = codeOf(err);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new Error(`Could not find the host ${host} (${code}).`, { cause: err });
  if (/CERT|SSL|TLS/.test(code)) return new Error(`The secure connection failed: ${code}`, { cause: err });
  return new Error(connected ? `The connection broke before an answer: ${code}` : `Could not connect: ${code}`, { cause: err });
}

/**
 * POSTs a body to a webhook URL, checked again here; never follows redirects, judges the addresses DNS gives
 * at connect time and gives up after `timeoutMs`. Any HTTP answer resolves (the caller decides what a 4xx or
 * 5xx means) with at most the first 2,000 characters of its body. Refused destinations reject with
 * DestinationError; timeouts and connection failures with an Error in plain words.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { policy: DestinationPolicy; timeoutMs?: number },
): Promise<{ status: number; body: string }> {
  const checked = checkWebhookUrl(url, options.policy);
  if (!checked.ok) throw new DestinationError(checked.message);
  const target = checked.url;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise((resolve, reject) => {
    let settled = false;
    let connected = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
      req.destroy();
    };
    const req = send(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "user-agent": "Showrunner-Alerts", "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.policy, target.protocol === "http:"),
        // A socket of its own: a pooled one could have been connected under another policy.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
          if (text.length >= maxAnswerLength) settle(() => resolve({ status, body: text.slice(0, maxAnswerLength) }));
        });
        res.on("end", () => settle(() => resolve({ status, body: text })));
        res.on("error", (err) => settle(() => reject(failure(err, target.hostname, true))));
      },
    );
    const timer = setTimeout(() => settle(() => reject(new Error(`No answer within ${timeoutMs / 1000} s.`))), timeoutMs);
    req.on("socket", (socket) => socket.once("connect", () => (connected = true)));
    req.on("error", (err) => settle(() => reject(failure(err, target.hostname, connected))));
    req.end(body);
  });
}

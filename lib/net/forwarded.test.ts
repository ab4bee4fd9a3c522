import { describe, expect, test } from "vitest";
import { clientOrigin, parseTrustedProxies, settleForwardedHeaders, sourceOf } from "./forwarded";

const none = parseTrustedProxies(undefined);
const lb = parseTrustedProxies("10.0.0.0/8, ::1");
const peer = (address: string, encrypted = false) => ({ address, encrypted });
const sent = (forwardedFor?: string | string[], forwardedProto?: string) => ({ forwardedFor, forwardedProto });

describe("who sent a request", () => {
  test("with no trusted proxy, the peer is the client whatever it claims", () => {
    expect(clientOrigin(peer("203.0.113.9"), sent("198.51.100.1", "https"), none)).toEqual({ ip: "203.0.113.9", https: false });
    expect(clientOrigin(peer("::ffff:203.0.113.9"), sent("x".repeat(12_000)), none)).toEqual({ ip: "203.0.113.9", https: false });
  });

  test("a peer that is not a trusted proxy is the client, even when some proxies are trusted", () => {
    expect(clientOrigin(peer("203.0.113.9"), sent("198.51.100.1"), lb).ip).toBe("203.0.113.9");
  });

  test("behind a trusted proxy, the client is the nearest address that is not a trusted proxy", () => {
    expect(clientOrigin(peer("10.0.0.2"), sent("6.6.6.6, 198.51.100.7", "https"), lb)).toEqual({ ip: "198.51.100.7", https: true });
    expect(clientOrigin(peer("10.0.0.2"), sent(["6.6.6.6", "198.51.100.7, 10.0.0.3"]), lb).ip).toBe("198.51.100.7");
    expect(clientOrigin(peer("::1"), sent("2001:db8::5"), lb).ip).toBe("2001:db8::5");
  });

  test("a trusted proxy that names no client, or garbage, leaves the proxy as the client", () => {
    expect(clientOrigin(peer("10.0.0.2"), sent(undefined), lb).ip).toBe("10.0.0.2");
    expect(clientOrigin(peer("10.0.0.2"), sent("not-an-address"), lb).ip).toBe("10.0.0.2");
  });

  test("the scheme is the socket's unless a trusted proxy says otherwise", () => {
    expect(clientOrigin(peer("203.0.113.9", true), sent(undefined, "http"), lb).https).toBe(true);
    expect(clientOrigin(peer("10.0.0.2"), sent("198.51.100.7", "HTTPS"), lb).https).toBe(true);
    expect(clientOrigin(peer("10.0.0.2"), sent("198.51.100.7", "http"), lb).https).toBe(false);
    // A client's own claim sits left of what the proxy appended.
    expect(clientOrigin(peer("10.0.0.2"), sent("198.51.100.7", "https, http"), lb).https).toBe(false);
  });

  test("an unreadable peer is unknown", () => {
    expect(clientOrigin(peer(""), sent("198.51.100.1"), lb).ip).toBe("unknown");
  });
});

describe("the trusted proxies setting", () => {
  test("reads addresses and ranges of both families", () => {
    const p = parseTrustedProxies(" 192.168.0.0/16 ,127.0.0.1, fd00::/8 ");
    expect(p.empty).toBe(false);
    expect(clientOrigin(peer("192.168.4.4"), sent("198.51.100.7"), p).ip).toBe("198.51.100.7");
    expect(clientOrigin(peer("fd12::1"), sent("198.51.100.7"), p).ip).toBe("198.51.100.7");
  });

  test.each(["10.0.0.0/33", "example.com", "10.0.0.1/8/1", "::1/129", "10.0.0.0/x"])("refuses %j", (value) => {
    expect(() => parseTrustedProxies(value)).toThrow(/not an IP address or a CIDR range/);
  });
});

describe("the console's server settles forwarding headers before anything reads them", () => {
  async function echo(proxies: string, headers: Record<string, string>): Promise<Record<string, unknown>> {
    const { createServer } = await import("node:http");
    const trusted = parseTrustedProxies(proxies);
    const server = createServer((req, res) => {
      const origin = settleForwardedHeaders(req, trusted);
      res.end(JSON.stringify({ origin, headers: req.headers }));
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    try {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers });
      return (await res.json()) as Record<string, unknown>;
    } finally {
      server.close();
    }
  }
  const claims = {
    "x-forwarded-for": "6.6.6.6",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "evil.example",
    "x-real-ip": "7.7.7.7",
    forwarded: "for=8.8.8.8",
  };

  test("from a client, every claim is replaced by what the socket says", async () => {
    const { origin, headers } = await echo("", claims);
    expect(origin).toEqual({ ip: "127.0.0.1", https: false });
    expect(headers).toMatchObject({ "x-forwarded-for": "127.0.0.1", "x-forwarded-proto": "http" });
    expect(headers).not.toHaveProperty("x-forwarded-host");
    expect(headers).not.toHaveProperty("x-real-ip");
    expect(headers).not.toHaveProperty("forwarded");
  });

  test("from a trusted proxy, its word on the client and the scheme is taken", async () => {
    const { origin, headers } = await echo("127.0.0.1", claims);
    expect(origin).toEqual({ ip: "6.6.6.6", https: true });
    expect(headers).toMatchObject({ "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https", "x-forwarded-host": "evil.example" });
    expect(headers).not.toHaveProperty("x-real-ip");
  });
});

describe("the block of addresses a client holds", () => {
  test.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["64:ff9b::203.0.113.9", "64:ff9b:0:0::/64"],
    ["unknown", "unknown"],
  ])("%s counts as %s", (ip, block) => {
    expect(sourceOf(ip)).toBe(block);
  });
});

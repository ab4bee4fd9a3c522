import type Dns from "node:dns";
import { lookup, type LookupAddress } from "node:dns";
import { createServer, type IncomingHttpHeaders, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { Socket } from "node:net";
import { afterEach, describe, expect, onTestFinished, test, vi } from "vitest";
import { addressProblem, checkWebhookUrl, DestinationError, type DestinationPolicy, postJson, resolveAllowed, strictPolicy } from "./destinations";

// Names under .test answer from this table, so connect-time checks can be shown without a real DNS server.
const answers = vi.hoisted(
  () =>
    new Map<string, LookupAddress[]>([
      ["localhost", [{ address: "127.0.0.1", family: 4 }]],
      ["hooks.example.test", [{ address: "203.0.113.7", family: 4 }]],
      [
        "mixed.example.test",
        [
          { address: "203.0.113.7", family: 4 },
          { address: "10.0.0.1", family: 4 },
        ],
      ],
      ["metadata.example.test", [{ address: "169.254.169.254", family: 4 }]],
    ]),
);

vi.mock("node:dns", async (importOriginal) => {
  const actual = await importOriginal<typeof Dns>();
  const fake = vi.fn((host: string, options: Dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const answer = answers.get(host);
    if (answer) return process.nextTick(callback, null, answer);
    // A name server that never answers.
    if (host === "silent.example.test") return;
    if (host.endsWith(".test")) return process.nextTick(callback, Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" }), []);
    actual.lookup(host, options, callback);
  });
  return { ...actual, default: { ...actual, lookup: fake }, lookup: fake };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(lookup).mockClear();
});

const loopback: DestinationPolicy = { allowHttpLoopback: true, allowPrivate: false };
const lan: DestinationPolicy = { allowHttpLoopback: false, allowPrivate: true };

type Verdict = "allowed" | string | RegExp;

function expectVerdict(problem: string | null, verdict: Verdict) {
  if (verdict === "allowed") expect(problem).toBeNull();
  else if (typeof verdict === "string") expect(problem).toBe(verdict);
  else expect(problem).toMatch(verdict);
}

describe("which addresses alerts may reach", () => {
  const self = /is this machine; set SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK=true or SHOWRUNNER_ALERTS_ALLOW_PRIVATE=true/;
  const any = /means "any address"/;
  const privateNet = /on a private network; set SHOWRUNNER_ALERTS_ALLOW_PRIVATE=true to allow it\.$/;
  const cgnat = /carrier-grade NAT/;
  const linkLocal = /link-local, where cloud metadata services answer/;
  // Address, then the verdict under the strict policy, with http to loopback allowed, and with private networks allowed.
  const table: [string, Verdict, Verdict, Verdict][] = [
    ["8.8.8.8", "allowed", "allowed", "allowed"],
    ["2606:4700:4700::1111", "allowed", "allowed", "allowed"],
    ["172.32.0.1", "allowed", "allowed", "allowed"],
    ["100.128.0.1", "allowed", "allowed", "allowed"],
    ["127.0.0.1", self, "allowed", "allowed"],
    ["127.8.9.10", self, "allowed", "allowed"],
    ["::1", self, "allowed", "allowed"],
    ["::ffff:127.0.0.1", self, "allowed", "allowed"],
    ["0.0.0.0", any, "allowed", "allowed"],
    ["::", any, "allowed", "allowed"],
    ["10.0.0.5", "The address 10.0.0.5 is on a private network; set SHOWRUNNER_ALERTS_ALLOW_PRIVATE=true to allow it.", privateNet, "allowed"],
    ["172.16.0.1", privateNet, privateNet, "allowed"],
    ["172.31.255.255", privateNet, privateNet, "allowed"],
    ["192.168.1.1", privateNet, privateNet, "allowed"],
    ["fd12:3456::1", privateNet, privateNet, "allowed"],
    ["::ffff:10.0.0.1", /::ffff:10\.0\.0\.1 \(10\.0\.0\.1\) is on a private network/, privateNet, "allowed"],
    ["0:0:0:0:0:ffff:a00:1", privateNet, privateNet, "allowed"],
    ["64:ff9b::192.168.0.1", privateNet, privateNet, "allowed"],
    ["100.64.0.1", cgnat, cgnat, "allowed"],
    ["169.254.169.254", linkLocal, linkLocal, "allowed"],
    ["::ffff:169.254.169.254", linkLocal, linkLocal, "allowed"],
    ["fe80::1", linkLocal, linkLocal, "allowed"],
    ["fe80::1%eth0", linkLocal, linkLocal, "allowed"],
    ["224.0.0.1", /multicast/, /multicast/, /multicast/],
    ["ff02::1", /multicast/, /multicast/, /multicast/],
    ["255.255.255.255", /broadcast/, /broadcast/, /broadcast/],
    ["240.0.0.1", /reserved/, /reserved/, /reserved/],
    ["hooks.example.test", /not an IP address/, /not an IP address/, /not an IP address/],
  ];

  test.each(table)("%s is judged the same under each policy as the table says", (ip, strict, withLoopback, withPrivate) => {
    expectVerdict(addressProblem(ip, strictPolicy), strict);
    expectVerdict(addressProblem(ip, loopback), withLoopback);
    expectVerdict(addressProblem(ip, lan), withPrivate);
  });
});

describe("webhook addresses as typed", () => {
  const httpRule = "http:// is allowed only to this machine (localhost), and only when SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK is true.";
  // Address, then the verdict under the strict policy, with http to loopback allowed, and with private networks allowed.
  const table: [string, Verdict, Verdict, Verdict][] = [
    ["https://hooks.slack.com/services/T000/B000/XXXX", "allowed", "allowed", "allowed"],
    ["  https://hooks.example.test/alerts?team=ops  ", "allowed", "allowed", "allowed"],
    ["http://hooks.slack.com/services/T000/B000/XXXX", httpRule, httpRule, httpRule],
    ["http://127.0.0.1:8080/hook", httpRule, "allowed", httpRule],
    ["http://localhost:8080/hook", httpRule, "allowed", httpRule],
    ["http://[::1]:8080/hook", httpRule, "allowed", httpRule],
    ["http://10.0.0.5/hook", httpRule, httpRule, httpRule],
    ["http://0.0.0.0:8080/hook", httpRule, httpRule, httpRule],
    [
      "https://10.0.0.5/hook",
      "The address 10.0.0.5 is on a private network; set SHOWRUNNER_ALERTS_ALLOW_PRIVATE=true to allow it.",
      /private network/,
      "allowed",
    ],
    ["https://127.0.0.1/hook", /is this machine/, "allowed", "allowed"],
    ["https://0x7f.1/hook", /127\.0\.0\.1 is this machine/, "allowed", "allowed"],
    ["https://localhost/hook", /^localhost is this machine/, "allowed", "allowed"],
    ["https://169.254.169.254/latest/meta-data/", /link-local/, /link-local/, "allowed"],
    ["https://[::ffff:169.254.169.254]/", /link-local/, /link-local/, "allowed"],
    ["https://224.0.0.1/", /multicast/, /multicast/, /multicast/],
    ["ftp://hooks.example.test/", "Use an https:// address.", "Use an https:// address.", "Use an https:// address."],
    ["javascript:alert(1)", "Use an https:// address.", "Use an https:// address.", "Use an https:// address."],
    ["https://user:secret@hooks.example.test/", "Take the user name and password out of the address.", /user name/, /user name/],
    ["https://hooks.example.test/hook#ops", "Take the #… part out of the address.", /#…/, /#…/],
    ["https://hooks.example.test/hook#", "Take the #… part out of the address.", /#…/, /#…/],
    ["hooks.slack.com/services/T000", /full address that starts with https:\/\//, /full address/, /full address/],
    ["", "Enter the webhook address.", /Enter/, /Enter/],
    [`https://hooks.example.test/${"a".repeat(2000)}`, "Use an address of at most 2,000 characters.", /2,000/, /2,000/],
  ];

  test.each(table)("%s is judged the same under each policy as the table says", (raw, strict, withLoopback, withPrivate) => {
    const problem = (policy: DestinationPolicy) => {
      const checked = checkWebhookUrl(raw, policy);
      return checked.ok ? null : checked.message;
    };
    expectVerdict(problem(strictPolicy), strict);
    expectVerdict(problem(loopback), withLoopback);
    expectVerdict(problem(lan), withPrivate);
  });

  test("an accepted address comes back parsed", () => {
    const checked = checkWebhookUrl(" https://hooks.example.test/alerts?team=ops ", strictPolicy);
    expect(checked.ok && checked.url.href).toBe("https://hooks.example.test/alerts?team=ops");
  });
});

describe("resolving a host before connecting to it", () => {
  test("a literal address is judged without asking DNS", async () => {
    await expect(resolveAllowed("203.0.113.9", strictPolicy)).resolves.toBe("203.0.113.9");
    await expect(resolveAllowed("[::1]", loopback)).resolves.toBe("::1");
    await expect(resolveAllowed("10.0.0.1", strictPolicy)).rejects.toThrow(DestinationError);
    expect(lookup).not.toHaveBeenCalled();
  });

  test("a name gives its first address when every address is allowed", async () => {
    await expect(resolveAllowed("hooks.example.test", strictPolicy)).resolves.toBe("203.0.113.7");
  });

  test("a name is refused when any of its addresses is refused", async () => {
    const refusal = resolveAllowed("mixed.example.test", strictPolicy);
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow("mixed.example.test points to 10.0.0.1. The address 10.0.0.1 is on a private network");
    await expect(resolveAllowed("mixed.example.test", lan)).resolves.toBe("203.0.113.7");
  });

  test("a name that does not resolve is reported in plain words", async () => {
    await expect(resolveAllowed("missing.example.test", strictPolicy)).rejects.toThrow("Could not find the host missing.example.test (ENOTFOUND).");
  });

  test("a name server that never answers gives up after 5 s, in plain words", async () => {
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const pending = resolveAllowed("silent.example.test", strictPolicy);
    const outcome = expect(pending).rejects.toThrow("Could not find the host silent.example.test (no answer from DNS within 5 s).");
    await vi.advanceTimersByTimeAsync(5_000);
    await outcome;
  });
});

interface Received {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver on a free loopback port that records what it was sent, closed when the test ends. */
async function receiver(answer: RequestListener) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo
  return { port, url: `http://127.0.0.1:${port}`, received };
}

describe("posting to a webhook", () => {
  test("sends the body as JSON with its own user agent and length, and returns the answer", async () => {
    const hook = await receiver((_req, res) => res.end("ok"));
    const body = JSON.stringify({ text: "Live event “Launch” ended" });
    const answer = await postJson(`${hook.url}/hook?x=1`, body, { "x-signature": "abc", "User-Agent": "someone-else" }, { policy: loopback });
    expect(answer).toEqual({ status: 200, body: "ok" });
    expect(hook.received).toHaveLength(1);
    const [sent] = hook.received;
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/hook?x=1");
    expect(sent?.body).toBe(body);
    expect(sent?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Showrunner-Alerts",
      "content-length": String(Buffer.byteLength(body)),
      "x-signature": "abc",
    });
  });

  test("returns a server error as a status for the caller to judge", async () => {
    const hook = await receiver((_req, res) => {
      res.statusCode = 500;
      res.end("internal_error");
    });
    await expect(postJson(hook.url, "{}", {}, { policy: loopback })).resolves.toEqual({ status: 500, body: "internal_error" });
  });

  test("returns a redirect's status without following it", async () => {
    const hook = await receiver((req, res) => {
      res.writeHead(req.url === "/hook" ? 307 : 200, { location: "/elsewhere" });
      res.end();
    });
    await expect(postJson(`${hook.url}/hook`, "{}", {}, { policy: loopback })).resolves.toMatchObject({ status: 307 });
    expect(hook.received.map((r) => r.url)).toEqual(["/hook"]);
  });

  test("keeps only the first 2,000 characters of a long answer", async () => {
    const hook = await receiver((_req, res) => res.end("x".repeat(1_000_000)));
    const answer = await postJson(hook.url, "{}", {}, { policy: loopback });
    expect(answer.body).toBe("x".repeat(2000));
  });

  test("gives up on a server that never answers", async () => {
    const hook = await receiver(() => undefined);
    await expect(postJson(hook.url, "{}", {}, { policy: loopback, timeoutMs: 200 })).rejects.toThrow("No answer within 0.2 s.");
  });

  test("a server that is not listening is reported in plain words", async () => {
    // The port a server just gave back is free, and nothing listens on it.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo
    await new Promise((resolve) => server.close(resolve));
    await expect(postJson(`http://127.0.0.1:${port}/`, "{}", {}, { policy: loopback })).rejects.toThrow("Could not connect: ECONNREFUSED");
  });

  test("refuses http://127.0.0.1 under the strict policy without connecting", async () => {
    const hook = await receiver((_req, res) => res.end());
    const connect = vi.spyOn(Socket.prototype, "connect");
    const refusal = postJson(hook.url, "{}", {}, { policy: strictPolicy });
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow(/^http:\/\/ is allowed only to this machine/);
    expect(connect).not.toHaveBeenCalled();
    expect(hook.received).toEqual([]);
  });

  test("refuses the cloud metadata address before any connection, whatever the loopback setting", async () => {
    const connect = vi.spyOn(Socket.prototype, "connect");
    await expect(postJson("https://169.254.169.254/latest/meta-data/", "{}", {}, { policy: loopback })).rejects.toThrow(/link-local/);
    expect(connect).not.toHaveBeenCalled();
    expect(lookup).not.toHaveBeenCalled();
  });

  test("judges the addresses a name resolves to at connect time", async () => {
    const refusal = postJson("https://mixed.example.test/hook", "{}", {}, { policy: strictPolicy });
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow("mixed.example.test points to 10.0.0.1. The address 10.0.0.1 is on a private network");
    await expect(postJson("https://metadata.example.test/", "{}", {}, { policy: loopback })).rejects.toThrow(/points to 169\.254\.169\.254\..*link-local/);
    expect(lookup).toHaveBeenCalledWith("mixed.example.test", expect.objectContaining({ all: true }), expect.any(Function));
  });

  test("reaches localhost by name through the connect-time check", async () => {
    const hook = await receiver((_req, res) => res.end("ok"));
    await expect(postJson(`http://localhost:${hook.port}/`, "{}", {}, { policy: loopback })).resolves.toEqual({ status: 200, body: "ok" });
    expect(lookup).toHaveBeenCalledWith("localhost", expect.anything(), expect.any(Function));
  });

  test("refuses http://localhost when the name leads off this machine", async () => {
    answers.set("localhost", [{ address: "10.0.0.1", family: 4 }]);
    onTestFinished(() => void answers.set("localhost", [{ address: "127.0.0.1", family: 4 }]));
    const both: DestinationPolicy = { allowHttpLoopback: true, allowPrivate: true };
    await expect(postJson("http://localhost:8080/", "{}", {}, { policy: both })).rejects.toThrow("localhost points to 10.0.0.1, which is not this machine");
  });
});

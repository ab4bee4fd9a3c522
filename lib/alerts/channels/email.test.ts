import type Dns from "node:dns";
import { lookup, type LookupAddress } from "node:dns";
import { type AddressInfo, createServer, Socket } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, onTestFinished, test, vi } from "vitest";
import { DestinationError, type DestinationPolicy, strictPolicy } from "@/lib/net/destinations";
import { startTestSmtpServer } from "../testing/smtp-server";
import { type EmailSettings, emailSettingsSchema, sendEmail } from "./email";

// Names under .test answer from this table, so resolution can be shown without a real DNS server.
const answers = vi.hoisted(
  () =>
    new Map<string, LookupAddress[]>([
      ["mail.example.test", [{ address: "127.0.0.1", family: 4 }]],
      ["relay.example.test", [{ address: "10.0.0.1", family: 4 }]],
    ]),
);

vi.mock("node:dns", async (importOriginal) => {
  const actual = await importOriginal<typeof Dns>();
  const fake = vi.fn((host: string, options: Dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => {
    const answer = answers.get(host);
    if (answer) return process.nextTick(callback, null, answer);
    actual.lookup(host, options, callback);
  });
  return { ...actual, default: { ...actual, lookup: fake }, lookup: fake };
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(lookup).mockClear();
});

const loopback: DestinationPolicy = { allowHttpLoopback: true, allowPrivate: false };
const password = "hunter2-correct-horse";

async function mailServer() {
  const server = await startTestSmtpServer();
  onTestFinished(() => server.close());
  return server;
}

function settings(overrides: Partial<EmailSettings>): EmailSettings {
  return { host: "127.0.0.1", port: 25, security: "none", from: "alerts@showrunner.test", to: ["ops@example.com"], ...overrides };
}

/** A port that a server just gave back, so nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("sending an alert by e-mail", () => {
  test("delivers a message through a plain server on this machine when loopback is allowed", async () => {
    const server = await mailServer();
    const text = `The live event “Launch” ended after 2 h 14 min.\n${"A line long enough to be wrapped by quoted-printable encoding, ".repeat(3)}é\nSee the console.`;
    await sendEmail(
      settings({ port: server.port, username: "alerts-bot", to: ["ops@example.com", "oncall@example.com"] }),
      password,
      { subject: "Live event “Launch” ended", text },
      { policy: loopback },
    );
    const received = await server.waitFor((m) => m.subject.includes("Launch"));
    expect(received).toMatchObject({
      from: "alerts@showrunner.test",
      to: ["ops@example.com", "oncall@example.com"],
      username: "alerts-bot",
      subject: "Live event “Launch” ended",
      text,
    });
  });

  test("signs in only when a user name is set", async () => {
    const server = await mailServer();
    await sendEmail(settings({ port: server.port }), "", { subject: "No sign-in", text: "Hello" }, { policy: loopback });
    await expect(server.waitFor((m) => m.subject === "No sign-in")).resolves.toMatchObject({ username: null, text: "Hello" });
  });

  test("reaches a server by name at the address DNS gave and the policy allowed", async () => {
    const server = await mailServer();
    await sendEmail(settings({ host: "mail.example.test", port: server.port }), password, { subject: "By name", text: "Hello" }, { policy: loopback });
    await expect(server.waitFor((m) => m.subject === "By name")).resolves.toMatchObject({ to: ["ops@example.com"] });
    expect(lookup).toHaveBeenCalledWith("mail.example.test", expect.objectContaining({ all: true }), expect.any(Function));
  });

  test("refuses a plain connection under the strict policy without connecting", async () => {
    const server = await mailServer();
    const connect = vi.spyOn(Socket.prototype, "connect");
    const refusal = sendEmail(settings({ port: server.port }), password, { subject: "Hi", text: "Hello" }, { policy: strictPolicy });
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow(/127\.0\.0\.1 is this machine/);
    expect(connect).not.toHaveBeenCalled();
    expect(server.messages).toEqual([]);
  });

  test("refuses a plain connection to this machine when only private networks are allowed", async () => {
    const connect = vi.spyOn(Socket.prototype, "connect");
    const refusal = sendEmail(
      settings({ port: 2525 }),
      password,
      { subject: "Hi", text: "Hello" },
      { policy: { allowHttpLoopback: false, allowPrivate: true } },
    );
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow(
      "A plain connection without TLS is allowed only to this machine (localhost), and only when SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK is true.",
    );
    expect(connect).not.toHaveBeenCalled();
  });

  test("refuses a host that resolves to a private address under the strict policy", async () => {
    const connect = vi.spyOn(Socket.prototype, "connect");
    const refusal = sendEmail(
      settings({ host: "relay.example.test", port: 587, security: "starttls" }),
      password,
      { subject: "Hi", text: "Hello" },
      { policy: strictPolicy },
    );
    await expect(refusal).rejects.toThrow(DestinationError);
    await expect(refusal).rejects.toThrow("relay.example.test points to 10.0.0.1. The address 10.0.0.1 is on a private network");
    expect(connect).not.toHaveBeenCalled();
  });

  test("a server that is not listening gives a plain-words error without the password", async () => {
    const port = await closedPort();
    const failure = sendEmail(settings({ port, username: "alerts-bot" }), password, { subject: "Hi", text: "Hello" }, { policy: loopback });
    await expect(failure).rejects.toThrow(`Could not connect to the mail server at 127.0.0.1:${port}: ECONNREFUSED.`);
    await expect(failure).rejects.not.toThrow(password);
  });

  test("a server that never greets is given up on after the timeout", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { port } = silent.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo
    const failure = sendEmail(settings({ port }), password, { subject: "Hi", text: "Hello" }, { policy: loopback, timeoutMs: 300 });
    await expect(failure).rejects.toThrow(`No answer from the mail server at 127.0.0.1:${port} within 0.3 s.`);
  });

  test("a refused sign-in never shows the password, even when the server repeats it", async () => {
    const server = new SMTPServer({
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth(auth, _session, callback) {
        callback(new Error(`No user ${auth.username} with password ${auth.password ?? ""}`));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.server.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo
    const failure = sendEmail(settings({ port, username: "alerts-bot" }), password, { subject: "Hi", text: "Hello" }, { policy: loopback });
    await expect(failure).rejects.toThrow(
      `The mail server at 127.0.0.1:${port} refused the user name or password: 535 No user alerts-bot with password [password]`,
    );
    await expect(failure).rejects.not.toThrow(password);
  });

  test("STARTTLS that the server does not offer is refused in plain words", async () => {
    const server = await mailServer();
    const failure = sendEmail(settings({ port: server.port, security: "starttls" }), password, { subject: "Hi", text: "Hello" }, { policy: loopback });
    await expect(failure).rejects.toThrow(`Could not start TLS with the mail server at 127.0.0.1:${server.port}, which answered STARTTLS with: 500`);
    expect(server.messages).toEqual([]);
  });

  test("TLS to a server that does not speak it is refused in plain words", async () => {
    const server = await mailServer();
    const failure = sendEmail(settings({ port: server.port, security: "tls" }), password, { subject: "Hi", text: "Hello" }, { policy: loopback });
    await expect(failure).rejects.toThrow(new RegExp(`^Could not start TLS with the mail server at 127\\.0\\.0\\.1:${server.port}: [a-z ]+\\.$`));
    expect(server.messages).toEqual([]);
  });
});

describe("the e-mail settings", () => {
  const valid = { host: "smtp.example.com", port: 587, security: "starttls", username: "alerts", from: "alerts@example.com", to: ["ops@example.com"] };

  function problems(input: unknown): [string, string][] {
    const result = emailSettingsSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
  }

  test("accepts a complete setting and tidies the host", () => {
    expect(emailSettingsSchema.parse({ ...valid, host: " SMTP.Example.com " })).toEqual({ ...valid, host: "smtp.example.com" });
    expect(problems({ ...valid, host: "10.0.0.25", username: undefined, security: "none" })).toEqual([]);
    expect(problems({ ...valid, host: "[::1]", security: "tls", port: 465 })).toEqual([]);
  });

  test.each<[string, Record<string, unknown>, [string, string][]]>([
    ["a port of 0", { port: 0 }, [["port", "Enter a port from 1 to 65535."]]],
    ["a port above 65535", { port: 70_000 }, [["port", "Enter a port from 1 to 65535."]]],
    ["a fractional port", { port: 25.5 }, [["port", "Enter a port from 1 to 65535."]]],
    ["a port typed as text", { port: "587" }, [["port", "Enter a port from 1 to 65535."]]],
    ["an empty recipient list", { to: [] }, [["to", "Add at least one recipient."]]],
    ["21 recipients", { to: Array.from({ length: 21 }, (_, i) => `ops${i}@example.com`) }, [["to", "Use at most 20 recipients."]]],
    ["a bad recipient", { to: ["ops@example.com", "not-an-address"] }, [["to.1", "Enter an e-mail address like alerts@example.com."]]],
    ["a bad sender", { from: "alerts" }, [["from", "Enter an e-mail address like alerts@example.com."]]],
    ["a host with spaces", { host: "smtp example.com" }, [["host", "Enter a host name like smtp.example.com or an IP address."]]],
    ["an empty host", { host: "  " }, [["host", "Enter the mail server's host name."]]],
    ["an unknown security", { security: "ssl" }, [["security", "Choose TLS, STARTTLS or none."]]],
    ["a user name of 201 characters", { username: "u".repeat(201) }, [["username", "Use at most 200 characters."]]],
  ])("refuses %s with a readable message", (_name, change, expected) => {
    expect(problems({ ...valid, ...change })).toEqual(expected);
  });

  test("refuses a field it does not know, such as a password stored beside the settings", () => {
    expect(problems({ ...valid, password: "secret" })).toHaveLength(1);
  });
});

// A mail server for tests, shared by unit and Playwright tests: relative imports only, nothing from vitest.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the test server received it. */
export interface ReceivedEmail {
  /** The envelope's sender and recipients, as the client gave them to MAIL FROM and RCPT TO. */
  from: string;
  to: string[];
  /** The user name the client signed in with, or null when it sent no AUTH. */
  username: string | null;
  subject: string;
  text: string;
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  /** Every message received so far, oldest first. */
  messages: ReceivedEmail[];
  /** The first message, received or still to come, that matches; rejects after `timeoutMs` (default 5 s). */
  waitFor(predicate: (message: ReceivedEmail) => boolean, timeoutMs?: number): Promise<ReceivedEmail>;
  close(): Promise<void>;
}

/** Bytes written as `=XX` runs become the UTF-8 text they encode; everything else stays as it is. */
function decodeEscapes(text: string, escape: RegExp): string {
  return text
    .split(escape)
    .map((part, i) => (i % 2 === 1 ? Buffer.from(part.replace(/=/g, ""), "hex").toString("utf8") : part))
    .join("");
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), which nodemailer uses for a subject that is not ASCII. */
function decodeHeader(value: string): string {
  // Whitespace between two encoded words is folding, not text.
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?[^?]+\?([bBqQ])\?([^?]*)\?=/g, (_word, encoding: string, data: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeEscapes(data.replace(/_/g, " "), /((?:=[0-9A-Fa-f]{2})+)/),
    );
}

/** Subject and plain text of a single-part message; enough for what the console sends, not a MIME parser. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  const head = split === -1 ? raw : raw.slice(0, split);
  // The line break before the closing "." ends the last line; it is not part of the text.
  const body = split === -1 ? "" : raw.slice(split + 4).replace(/\r\n$/, "");
  const headers = new Map<string, string>();
  // A line that starts with whitespace continues the header above it.
  for (const line of head.replace(/\r\n(?=[ \t])/g, "").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeEscapes(body.replace(/=\r\n/g, ""), /((?:=[0-9A-Fa-f]{2})+)/)
      : encoding === "base64"
        ? Buffer.from(body, "base64").toString("utf8")
        : body;
  return { subject: decodeHeader(headers.get("subject") ?? ""), text: text.replace(/\r\n/g, "\n") };
}

/** Starts an SMTP server on a free loopback port that accepts every message and any sign-in, without TLS. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const waiting = new Set<(message: ReceivedEmail) => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // Sign-in over a plain connection is what the console's "none" security setting does on this machine.
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const { mailFrom, rcptTo } = session.envelope;
        const user: unknown = session.user;
        const message: ReceivedEmail = {
          from: mailFrom ? mailFrom.address : "",
          to: rcptTo.map((r) => r.address),
          username: typeof user === "string" ? user : null,
          ...parseMessage(raw),
          raw,
        };
        messages.push(message);
        for (const notify of waiting) notify(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo; // a server listening on a TCP port has an AddressInfo

  return {
    port,
    messages,
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const notify = (message: ReceivedEmail) => {
          if (!predicate(message)) return;
          waiting.delete(notify);
          clearTimeout(timer);
          resolve(message);
        };
        const timer = setTimeout(() => {
          waiting.delete(notify);
          reject(new Error(`No matching e-mail arrived within ${timeoutMs / 1000} s (${messages.length} received).`));
        }, timeoutMs);
        waiting.add(notify);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

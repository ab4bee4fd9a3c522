import "server-only";
import { isIP } from "node:net";
import { getSystemErrorName } from "node:util";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { z } from "zod";
import { DestinationError, type DestinationPolicy, isLoopbackAddress, resolveAllowed } from "@/lib/net/destinations";

function isHostName(value: string): boolean {
  const bare = value.startsWith("[") && value.endsWith("]") ? value.slice(1, -1) : value;
  if (isIP(bare) !== 0) return true;
  return value.split(".").every((label) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(label));
}

const emailAddress = z.string().trim().max(320, "Use at most 320 characters.").pipe(z.email("Enter an e-mail address like alerts@example.com."));

/** The SMTP server alerts are sent through, and who they go to. The password is kept apart, as a secret. */
export const emailSettingsSchema = z
  .object({
    host: z
      .string("Enter the mail server's host name.")
      .trim()
      .toLowerCase()
      .min(1, { error: "Enter the mail server's host name.", abort: true })
      .max(253, { error: "Use at most 253 characters.", abort: true })
      .refine(isHostName, "Enter a host name like smtp.example.com or an IP address."),
    port: z
      .number("Enter a port from 1 to 65535.")
      .int("Enter a port from 1 to 65535.")
      .min(1, "Enter a port from 1 to 65535.")
      .max(65535, "Enter a port from 1 to 65535."),
    security: z.enum(["tls", "starttls", "none"], "Choose TLS, STARTTLS or none."),
    username: z.string().trim().max(200, "Use at most 200 characters.").optional(),
    from: emailAddress,
    to: z.array(emailAddress, "Add at least one recipient.").min(1, "Add at least one recipient.").max(20, "Use at most 20 recipients."),
  })
  .strict();

export type EmailSettings = z.infer<typeof emailSettingsSchema>;

/** Removes the password, and the base64 forms AUTH PLAIN and AUTH LOGIN send it in, from text a server may have echoed. */
function scrub(text: string, username: string, password: string): string {
  if (password === "") return text;
  const forms = [password, Buffer.from(password).toString("base64"), Buffer.from(`\0${username}\0${password}`).toString("base64")];
  return forms.reduce((t, form) => t.split(form).join("[password]"), text);
}

function property(err: Error, key: "code" | "response" | "errno" | "reason"): unknown {
  return key in err ? Reflect.get(err, key) : undefined;
}

/** nodemailer's error in plain words; it overwrites the socket's code, so ECONNREFUSED is recovered from the errno. */
function plainWords(err: Error, settings: EmailSettings, timeoutMs: number): string {
  const server = `the mail server at ${settings.host}:${settings.port}`;
  const code = property(err, "code");
  const errno = property(err, "errno");
  const response = property(err, "response");
  const said = typeof response === "string" ? response.trim().slice(0, 300) : null;
  // OpenSSL names what went wrong in `reason` ("wrong version number"); certificate failures say so in the message.
  const reason = property(err, "reason");
  const tlsFailure = typeof reason === "string" ? reason : /certificate|altnames/i.test(err.message) ? err.message : null;
  switch (code) {
    case "ETIMEDOUT":
      return `No answer from ${server} within ${timeoutMs / 1000} s.`;
    case "ESOCKET":
    case "ECONNECTION":
      if (typeof errno === "number") return `Could not connect to ${server}: ${getSystemErrorName(errno)}.`;
      if (tlsFailure) return `Could not start TLS with ${server}: ${tlsFailure}.`;
      return `The connection to ${server} failed: ${err.message}`;
    case "ETLS":
      if (said) return `Could not start TLS with ${server}, which answered STARTTLS with: ${said}`;
      return `Could not start TLS with ${server}: ${tlsFailure ?? err.message.replace(/^Error initiating TLS - /, "")}`;
    case "EAUTH":
      return `The mail server at ${settings.host}:${settings.port} refused the user name or password${said ? `: ${said}` : "."}`;
    case "EENVELOPE":
      return `The mail server at ${settings.host}:${settings.port} refused the sender or a recipient${said ? `: ${said}` : "."}`;
    case "EMESSAGE":
      return `The mail server at ${settings.host}:${settings.port} refused the message${said ? `: ${said}` : "."}`;
    default:
      return `Could not send the e-mail through ${server}: ${err.message}`;
  }
}

/**
 * Sends one plain-text message; resolves once the server accepted it. The host is resolved and judged under
 * the policy first and nodemailer connects to that address, with certificates still checked against the
 * name. Rejects with DestinationError for a refused destination, and otherwise with an Error in plain words
 * that never contains the password (and carries no `cause`, which could).
 */
export async function sendEmail(
  settings: EmailSettings,
  password: string,
  message: { subject: string; text: string },
  options: { policy: DestinationPolicy; timeoutMs?: number },
): Promise<void> {
  const parsed = emailSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The e-mail settings need attention: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "they are not valid."}`);
  }
  const { host, port, security, username, from, to } = parsed.data;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const address = await resolveAllowed(host, options.policy);
  if (security === "none" && !(options.policy.allowHttpLoopback && isLoopbackAddress(address))) {
    throw new DestinationError(
      "A plain connection without TLS is allowed only to this machine (localhost), and only when SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK is true.",
    );
  }
  const name = host.startsWith("[") ? host.slice(1, -1) : host;
  const transport: SMTPTransport.Options = {
    host: address,
    port,
    secure: security === "tls",
    requireTLS: security === "starttls",
    ignoreTLS: security === "none",
    // TLS names a server by its host name, never by an IP address (RFC 6066); a certificate for an IP is checked against the IP.
    tls: isIP(name) === 0 ? { servername: name } : {},
    auth: username ? { user: username, pass: password } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transporter = nodemailer.createTransport(transport);
  try {
    await transporter.sendMail({ from, to, subject: message.subject, text: message.text });
  } catch (err) {
    if (err instanceof DestinationError) throw err;
    const words = err instanceof Error ? plainWords(err, parsed.data, timeoutMs) : "Could not send the e-mail.";
    throw new Error(scrub(words, username ?? "", password));
  } finally {
    transporter.close();
  }
}

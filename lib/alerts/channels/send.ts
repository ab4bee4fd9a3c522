import "server-only";
import { createHmac } from "node:crypto";
import { DestinationError, postJson } from "@/lib/net/destinations";
import type { DestinationPolicy } from "@/lib/net/destinations";
import type { AlertMessage } from "../message";
import { openSecret, UnreadableSecretError } from "../secrets";
import { emailSettingsSchema, sendEmail } from "./email";

// Sends one message to one channel. The caller (lib/alerts/deliveries.ts) records how it went and retries
// what may work later; nothing here logs, so no secret can reach a log line.

export interface ChannelRecord {
  id: string;
  kind: string;
  name: string;
  config: Record<string, unknown>;
  /** Sealed (lib/alerts/secrets.ts). */
  secret: string;
}

export type SendResult = { ok: true; status: number | null } | { ok: false; retry: boolean; status: number | null; error: string };

/** The header a generic webhook's receiver checks: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (docs/alerts.md). */
export const signatureHeader = "Showrunner-Signature";

/** The signature of a webhook body sent at `t` (unix seconds) with the channel's signing secret. */
export function signBody(signingSecret: string, t: number, body: string): string {
  return `t=${t},v1=${createHmac("sha256", signingSecret).update(`${t}.${body}`).digest("hex")}`;
}

/** The generic webhook's JSON body: the delivery's id (the same on every retry, so receivers can drop repeats), the event and the alert. */
export function webhookBody(deliveryId: number, message: AlertMessage, createdAt: number): string {
  return JSON.stringify({
    id: `dlv_${deliveryId}`,
    type: message.type,
    created_at: new Date(createdAt).toISOString(),
    text: message.text,
    alert: message.alert,
  });
}

function slackText(message: AlertMessage): string {
  const url = message.alert?.subject.url;
  return url ? `${message.text}\n<${url}|Open in Showrunner>` : message.text;
}

/** An HTTP answer as a result: 2xx delivered; 408, 429 and 5xx worth retrying; any other answer final. */
function answered(status: number): SendResult {
  if (status >= 200 && status < 300) return { ok: true, status };
  const retry = status === 408 || status === 429 || status >= 500;
  const error =
    status >= 300 && status < 400 ? `The receiver answered ${status}, a redirect; alerts do not follow redirects.` : `The receiver answered ${status}.`;
  return { ok: false, retry, status, error };
}

function failed(err: unknown): SendResult {
  if (err instanceof DestinationError || err instanceof UnreadableSecretError) return { ok: false, retry: false, status: null, error: err.message };
  return { ok: false, retry: true, status: null, error: err instanceof Error ? err.message : String(err) };
}

export interface SendOptions {
  key: Buffer;
  policy: DestinationPolicy;
  deliveryId: number;
  createdAt: number;
  now?: () => number;
  timeoutMs?: number;
}

/** Sends `message` to `channel` once; never throws. */
export async function sendMessage(channel: ChannelRecord, message: AlertMessage, options: SendOptions): Promise<SendResult> {
  const { policy, timeoutMs = 10_000 } = options;
  try {
    const secret = openSecret(options.key, channel.secret);
    if (channel.kind === "slack") {
      const res = await postJson(secret.url ?? "", JSON.stringify({ text: slackText(message) }), {}, { policy, timeoutMs });
      return answered(res.status);
    }
    if (channel.kind === "webhook") {
      const body = webhookBody(options.deliveryId, message, options.createdAt);
      const t = Math.floor((options.now ?? Date.now)() / 1000);
      const headers = {
        [signatureHeader]: signBody(secret.signingSecret ?? "", t, body),
        "Showrunner-Delivery": `dlv_${options.deliveryId}`,
        "Showrunner-Event": message.type,
      };
      const res = await postJson(String(channel.config.url ?? ""), body, headers, { policy, timeoutMs });
      return answered(res.status);
    }
    if (channel.kind === "email") {
      const settings = emailSettingsSchema.parse(channel.config);
      const url = message.alert ? `\n\nOpen in Showrunner: ${message.alert.subject.url}\nAll alerts: ${message.alert.url}` : "";
      await sendEmail(settings, secret.password ?? "", { subject: `[Showrunner] ${message.title}`, text: `${message.text}${url}\n` }, { policy, timeoutMs });
      return { ok: true, status: null };
    }
    return { ok: false, retry: false, status: null, error: `Unknown channel kind "${channel.kind}".` };
  } catch (err) {
    return failed(err);
  }
}

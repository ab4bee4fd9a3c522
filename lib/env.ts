import { z } from "zod";
import { defaultMasterToken as defaultEmulatorMasterToken } from "@/lib/emulator/defaults";
import { parseTrustedProxies } from "@/lib/net/forwarded";

/**
 * Every setting of the console, validated once at start-up. A bad value stops start-up with one line
 * naming the variable and what is wrong with it.
 */

const optional = <T extends z.ZodType<string>>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const port = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, "must be a port number (1–65535)")
    .transform(Number);

const rawSchema = z.object({
  SENDBIRD_APP_ID: optional(z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "must be a Sendbird application id (letters, digits, dashes)")),
  SENDBIRD_API_TOKEN: optional(z.string().regex(/^\S{8,200}$/, "must be an API token without spaces")),
  SENDBIRD_CALLS_API_URL: optional(httpUrl),
  SENDBIRD_CHAT_API_URL: optional(httpUrl),
  EMULATOR_PORT: port("8090"),
  EMULATOR_MASTER_TOKEN: optional(z.string().regex(/^\S{8,200}$/, "must be at least 8 characters without spaces")),
  SHOWRUNNER_DEMO_PASSWORD: optional(z.string().min(8, "must be at least 8 characters")),
  PORT: port("3000"),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// connection URL")),
  NEXTAUTH_URL: optional(httpUrl),
  TRUSTED_PROXIES: optional(
    z.string().superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (err) {
        ctx.addIssue({
          code: "custom",
          message: `must list proxy addresses or CIDR ranges, comma-separated: ${err instanceof Error ? err.message : "unreadable"}`,
        });
      }
    }),
  ),
  NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
  OIDC_ISSUER: optional(httpUrl),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  OIDC_TRUST_UNVERIFIED_EMAIL: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
  SHOWRUNNER_ADMIN_EMAIL: optional(z.email({ error: "must be an e-mail address" })),
  SHOWRUNNER_ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
  SHOWRUNNER_CLIENT_THROTTLE: optional(z.enum(["on", "off"], { error: 'must be "on" or "off"' })),
  SHOWRUNNER_SAMPLE_INTERVAL_S: optional(
    z.string().refine((v) => /^\d{1,4}$/.test(v) && Number(v) <= 3600, "must be a whole number of seconds (1–3600), or 0 to turn audience sampling off"),
  ),
  SHOWRUNNER_SYNC_INTERVAL_S: optional(
    z.string().refine((v) => /^\d{1,5}$/.test(v) && Number(v) <= 86400, "must be a whole number of seconds (1–86400), or 0 to turn the activity sync off"),
  ),
  SHOWRUNNER_ACTIVITY_WINDOW_DAYS: optional(
    z.string().refine((v) => /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 365, "must be a whole number of days (1–365)"),
  ),
  SHOWRUNNER_ALERTS_KEY: optional(
    z.string().regex(/^[A-Za-z0-9._~+/=-]{32,200}$/, "must be at least 32 characters of letters, digits or ._~+/=- (try: openssl rand -base64 32)"),
  ),
  SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
  SHOWRUNNER_ALERTS_ALLOW_PRIVATE: optional(z.enum(["true", "false"], { error: 'must be "true" or "false"' })),
  LOG_FORMAT: optional(z.enum(["json", "text"], { error: 'must be "json" or "text"' })),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error"], { error: 'must be "debug", "info", "warn" or "error"' })),
  METRICS_TOKEN: optional(
    z.string().regex(/^[A-Za-z0-9._~+/=-]{24,200}$/, "must be at least 24 characters of letters, digits or ._~+/=- (try: openssl rand -hex 24)"),
  ),
});

export type Mode = "emulator" | "sendbird";

export interface Settings {
  mode: Mode;
  /** The Sendbird application id; `emulator` in emulator mode. */
  appId: string;
  apiToken: string;
  callsBaseUrl: string;
  chatBaseUrl: string;
  emulatorPort: number;
  emulatorMasterToken: string;
  demoPassword: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  nextAuthUrl: string;
  /** Proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (lib/net/forwarded.ts); empty: none. */
  trustedProxies: string;
  /** Null in emulator mode until one is generated and kept in the data directory. */
  nextAuthSecret: string | null;
  /** `trustUnverifiedEmail`: admit e-mails the provider does not mark verified (for providers that never send the claim). */
  oidc: { issuer: string; clientId: string; clientSecret: string; trustUnverifiedEmail: boolean } | null;
  bootstrapAdmin: { email: string; password: string } | null;
  /** Keep under Sendbird's rate limits client-side; off only for load tests against an unlimited emulator. */
  clientThrottle: boolean;
  /** Seconds between samples of ongoing events' audiences; 0 turns the sampler off. */
  sampleIntervalS: number;
  /** Seconds between passes of the activity sync; 0 turns it off. */
  syncIntervalS: number;
  /** How far back (days of creation time) the activity sync reads live events. */
  activityWindowDays: number;
  /** The key alert channels' secrets are encrypted with; null: one derived from the session secret. */
  alertsKey: string | null;
  /** What alert channels may reach besides public https addresses (lib/net/destinations.ts). */
  alertDestinations: { allowHttpLoopback: boolean; allowPrivate: boolean };
  /** Log lines as JSON (one object a line) or as text for a terminal; null: text on a terminal, JSON elsewhere. */
  logFormat: "json" | "text" | null;
  logLevel: "debug" | "info" | "warn" | "error";
  /** The bearer token `/api/metrics` asks for; null: the endpoint answers 404. */
  metricsToken: string | null;
}

/** A setting that stops start-up; `message` is the one line to print. */
export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}.`);
    this.name = "SettingsError";
  }
}

/** Parses settings from an environment; throws a SettingsError naming the first bad variable. */
export function parseSettings(source: Record<string, string | undefined>): Settings {
  const parsed = rawSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SettingsError(String(issue?.path[0] ?? "settings"), issue?.message ?? "is invalid");
  }
  const env = parsed.data;
  const mode: Mode = env.SENDBIRD_APP_ID ? "sendbird" : "emulator";
  if (mode === "sendbird") {
    if (!env.SENDBIRD_API_TOKEN) throw new SettingsError("SENDBIRD_API_TOKEN", "is required when SENDBIRD_APP_ID is set");
    if (!env.NEXTAUTH_SECRET) throw new SettingsError("NEXTAUTH_SECRET", "is required when SENDBIRD_APP_ID is set (try: openssl rand -base64 32)");
  }
  const oidcParts = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).find((k) => !env[k]) ?? "OIDC_ISSUER";
    throw new SettingsError(missing, "is required when any OIDC_* setting is set");
  }
  if (Boolean(env.SHOWRUNNER_ADMIN_EMAIL) !== Boolean(env.SHOWRUNNER_ADMIN_PASSWORD)) {
    const missing = env.SHOWRUNNER_ADMIN_EMAIL ? "SHOWRUNNER_ADMIN_PASSWORD" : "SHOWRUNNER_ADMIN_EMAIL";
    throw new SettingsError(missing, "is required together with the other SHOWRUNNER_ADMIN_* setting");
  }
  if (env.TRUSTED_PROXIES && !env.NEXTAUTH_URL) {
    throw new SettingsError(
      "NEXTAUTH_URL",
      "is required when TRUSTED_PROXIES is set: set it to the address people open (https://…), which also makes session cookies Secure",
    );
  }
  const emulatorMasterToken = env.EMULATOR_MASTER_TOKEN ?? defaultEmulatorMasterToken;
  const emulatorOrigin = `http://127.0.0.1:${env.EMULATOR_PORT}`;
  const appId = env.SENDBIRD_APP_ID ?? "emulator";
  return {
    mode,
    appId,
    apiToken: mode === "sendbird" ? (env.SENDBIRD_API_TOKEN ?? "") : (env.SENDBIRD_API_TOKEN ?? emulatorMasterToken),
    callsBaseUrl: env.SENDBIRD_CALLS_API_URL ?? (mode === "sendbird" ? `https://api-${appId}.calls.sendbird.com/v1` : `${emulatorOrigin}/v1`),
    chatBaseUrl: env.SENDBIRD_CHAT_API_URL ?? (mode === "sendbird" ? `https://api-${appId}.sendbird.com/v3` : `${emulatorOrigin}/v3`),
    emulatorPort: env.EMULATOR_PORT,
    emulatorMasterToken,
    demoPassword: env.SHOWRUNNER_DEMO_PASSWORD ?? "showrunner-demo",
    port: env.PORT,
    dataDir: env.DATA_DIR ?? "./.data",
    databaseUrl: env.DATABASE_URL ?? null,
    nextAuthUrl: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
    nextAuthSecret: env.NEXTAUTH_SECRET ?? null,
    trustedProxies: env.TRUSTED_PROXIES ?? "",
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            trustUnverifiedEmail: env.OIDC_TRUST_UNVERIFIED_EMAIL === "true",
          }
        : null,
    bootstrapAdmin:
      env.SHOWRUNNER_ADMIN_EMAIL && env.SHOWRUNNER_ADMIN_PASSWORD ? { email: env.SHOWRUNNER_ADMIN_EMAIL, password: env.SHOWRUNNER_ADMIN_PASSWORD } : null,
    clientThrottle: env.SHOWRUNNER_CLIENT_THROTTLE !== "off",
    sampleIntervalS: Number(env.SHOWRUNNER_SAMPLE_INTERVAL_S ?? 30),
    syncIntervalS: Number(env.SHOWRUNNER_SYNC_INTERVAL_S ?? 60),
    activityWindowDays: Number(env.SHOWRUNNER_ACTIVITY_WINDOW_DAYS ?? 30),
    alertsKey: env.SHOWRUNNER_ALERTS_KEY ?? null,
    alertDestinations: {
      allowHttpLoopback: env.SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK === "true",
      allowPrivate: env.SHOWRUNNER_ALERTS_ALLOW_PRIVATE === "true",
    },
    logFormat: env.LOG_FORMAT ?? null,
    logLevel: env.LOG_LEVEL ?? "info",
    metricsToken: env.METRICS_TOKEN ?? null,
  };
}

let cached: Settings | undefined;

/** The process's settings, parsed once. */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

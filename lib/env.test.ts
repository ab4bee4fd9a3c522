import { describe, expect, test } from "vitest";
import { SettingsError, parseSettings } from "./env";

function problem(env: Record<string, string>): string {
  try {
    parseSettings(env);
  } catch (err) {
    if (err instanceof SettingsError) return err.message;
    throw err;
  }
  throw new Error("expected a SettingsError");
}

describe("parseSettings", () => {
  test("defaults to emulator mode against the bundled emulator", () => {
    const s = parseSettings({});
    expect(s.mode).toBe("emulator");
    expect(s.callsBaseUrl).toBe("http://127.0.0.1:8090/v1");
    expect(s.chatBaseUrl).toBe("http://127.0.0.1:8090/v3");
    expect(s.apiToken).toBe(s.emulatorMasterToken);
    expect(s.demoPassword).toBe("showrunner-demo");
    expect(s.dataDir).toBe("./.data");
    expect(s.databaseUrl).toBeNull();
  });

  test("switches to sendbird mode when an app id is set", () => {
    const s = parseSettings({ SENDBIRD_APP_ID: "ABC-123", SENDBIRD_API_TOKEN: "a".repeat(40), NEXTAUTH_SECRET: "s".repeat(32) });
    expect(s.mode).toBe("sendbird");
    expect(s.callsBaseUrl).toBe("https://api-ABC-123.calls.sendbird.com/v1");
    expect(s.chatBaseUrl).toBe("https://api-ABC-123.sendbird.com/v3");
  });

  test("lets both base URLs be overridden", () => {
    const s = parseSettings({
      SENDBIRD_APP_ID: "app",
      SENDBIRD_API_TOKEN: "t".repeat(40),
      NEXTAUTH_SECRET: "s".repeat(32),
      SENDBIRD_CALLS_API_URL: "http://127.0.0.1:9999/v1",
      SENDBIRD_CHAT_API_URL: "http://127.0.0.1:9999/v3",
    });
    expect(s.callsBaseUrl).toBe("http://127.0.0.1:9999/v1");
    expect(s.chatBaseUrl).toBe("http://127.0.0.1:9999/v3");
  });

  test.each([
    [{ SENDBIRD_APP_ID: "app" }, /^SENDBIRD_API_TOKEN is required/],
    [{ SENDBIRD_APP_ID: "app", SENDBIRD_API_TOKEN: "t".repeat(40) }, /^NEXTAUTH_SECRET is required/],
    [{ SENDBIRD_APP_ID: "app id with spaces" }, /^SENDBIRD_APP_ID must be/],
    [{ EMULATOR_PORT: "99999" }, /^EMULATOR_PORT must be a port number/],
    [{ PORT: "abc" }, /^PORT must be a port number/],
    [{ DATABASE_URL: "mysql://x" }, /^DATABASE_URL must be a postgres/],
    [{ NEXTAUTH_URL: "ftp://x" }, /^NEXTAUTH_URL must be an http\(s\) URL/],
    [{ NEXTAUTH_SECRET: "short" }, /^NEXTAUTH_SECRET must be at least 32/],
    [{ OIDC_ISSUER: "https://id.example.com" }, /^OIDC_CLIENT_ID is required/],
    [{ SHOWRUNNER_ADMIN_EMAIL: "a@b.co" }, /^SHOWRUNNER_ADMIN_PASSWORD is required/],
    [{ SHOWRUNNER_ADMIN_EMAIL: "not-an-email", SHOWRUNNER_ADMIN_PASSWORD: "x".repeat(12) }, /^SHOWRUNNER_ADMIN_EMAIL must be an e-mail/],
    [{ SENDBIRD_CALLS_API_URL: "not a url" }, /^SENDBIRD_CALLS_API_URL must be an http\(s\) URL/],
    [{ SHOWRUNNER_CLIENT_THROTTLE: "maybe" }, /^SHOWRUNNER_CLIENT_THROTTLE must be "on" or "off"/],
    [{ SHOWRUNNER_SAMPLE_INTERVAL_S: "3601" }, /^SHOWRUNNER_SAMPLE_INTERVAL_S must be a whole number of seconds \(1–3600\), or 0/],
    [{ SHOWRUNNER_SAMPLE_INTERVAL_S: "1.5" }, /^SHOWRUNNER_SAMPLE_INTERVAL_S must be a whole number/],
    [{ SHOWRUNNER_SAMPLE_INTERVAL_S: "-5" }, /^SHOWRUNNER_SAMPLE_INTERVAL_S must be a whole number/],
    [{ SHOWRUNNER_SYNC_INTERVAL_S: "86401" }, /^SHOWRUNNER_SYNC_INTERVAL_S must be a whole number of seconds \(1–86400\), or 0/],
    [{ SHOWRUNNER_SYNC_INTERVAL_S: "soon" }, /^SHOWRUNNER_SYNC_INTERVAL_S must be a whole number/],
    [{ SHOWRUNNER_ACTIVITY_WINDOW_DAYS: "0" }, /^SHOWRUNNER_ACTIVITY_WINDOW_DAYS must be a whole number of days \(1–365\)/],
    [{ SHOWRUNNER_ACTIVITY_WINDOW_DAYS: "366" }, /^SHOWRUNNER_ACTIVITY_WINDOW_DAYS must be a whole number of days/],
    [{ SHOWRUNNER_ACTIVITY_WINDOW_DAYS: "7.5" }, /^SHOWRUNNER_ACTIVITY_WINDOW_DAYS must be a whole number of days/],
    [
      { TRUSTED_PROXIES: "10.0.0.0/8, proxy.internal", NEXTAUTH_URL: "https://console.example" },
      /^TRUSTED_PROXIES must list proxy addresses.*"proxy.internal"/,
    ],
    [{ TRUSTED_PROXIES: "10.0.0.1" }, /^NEXTAUTH_URL is required when TRUSTED_PROXIES is set/],
  ])("refuses %j with one line naming the variable", (env, expected) => {
    const message = problem(env);
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  test("samples audiences every 30 s and syncs activity every 60 s over 30 days unless told otherwise; 0 turns either off", () => {
    expect(parseSettings({}).sampleIntervalS).toBe(30);
    expect(parseSettings({ SHOWRUNNER_SAMPLE_INTERVAL_S: " " }).sampleIntervalS).toBe(30);
    expect(parseSettings({ SHOWRUNNER_SAMPLE_INTERVAL_S: "0" }).sampleIntervalS).toBe(0);
    expect(parseSettings({ SHOWRUNNER_SAMPLE_INTERVAL_S: "1" }).sampleIntervalS).toBe(1);
    expect(parseSettings({ SHOWRUNNER_SAMPLE_INTERVAL_S: "3600" }).sampleIntervalS).toBe(3600);
    expect(parseSettings({}).syncIntervalS).toBe(60);
    expect(parseSettings({ SHOWRUNNER_SYNC_INTERVAL_S: "0" }).syncIntervalS).toBe(0);
    expect(parseSettings({}).activityWindowDays).toBe(30);
    expect(parseSettings({ SHOWRUNNER_ACTIVITY_WINDOW_DAYS: "365" }).activityWindowDays).toBe(365);
  });

  test("logs at info in the format that suits the output unless told otherwise, and serves metrics only with a token", () => {
    expect(parseSettings({})).toMatchObject({ logFormat: null, logLevel: "info", metricsToken: null });
    expect(parseSettings({ LOG_FORMAT: "json", LOG_LEVEL: "debug", METRICS_TOKEN: "a".repeat(24) })).toMatchObject({
      logFormat: "json",
      logLevel: "debug",
      metricsToken: "a".repeat(24),
    });
    expect(() => parseSettings({ LOG_FORMAT: "yaml" })).toThrow('LOG_FORMAT must be "json" or "text".');
    expect(() => parseSettings({ LOG_LEVEL: "trace" })).toThrow("LOG_LEVEL must be");
    expect(() => parseSettings({ METRICS_TOKEN: "short" })).toThrow("METRICS_TOKEN must be at least 24 characters");
  });

  test("treats empty values as unset", () => {
    expect(parseSettings({ SENDBIRD_APP_ID: "", DATABASE_URL: " " }).mode).toBe("emulator");
  });
});

import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { badTokenAdmin, badTokenPort, cluster, consolePort, e2e, emulatorPort, logsDir, oidc } from "./e2e/servers";

/**
 * E2e against the production build: one console in emulator mode (with its emulator and a fresh data
 * directory, trusting the e2e identity provider for single sign-on), one in sendbird mode pointed at that emulator with a wrong token, and two consoles on one
 * Postgres server (e2e/cluster.ts).
 */
// Made once, by the runner; its workers inherit the address (e2e/secrets.spec.ts scans the database in it).
process.env.SHOWRUNNER_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "showrunner-e2e-"));
const dataDir = process.env.SHOWRUNNER_E2E_DATA_DIR;
/** A server's command, its output also written to a file in e2e/servers.ts's `logsDir` for the secrets scan. */
const logged = (command: string, name: string) => `mkdir -p ${logsDir} && ${command} 2>&1 | tee ${join(logsDir, `${name}.log`)}`;
const chromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // On CI a test that fails runs once more; one that then passes is listed as flaky in the report, to be
  // fixed like a failure (docs/decisions/0016-hardening-and-proof.md).
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: e2e.baseURL,
    trace: "off",
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
    },
  },
  globalSetup: "./e2e/global-setup.ts",
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /secrets\.spec\.ts/ },
    // After every other spec: the responses they recorded hold no token (e2e/fixtures.ts).
    { name: "secrets", use: { ...devices["Desktop Chrome"] }, testMatch: /secrets\.spec\.ts/, dependencies: ["chromium"] },
  ],
  webServer: [
    {
      command: "node --import tsx e2e/oidc-idp.ts",
      url: `${oidc.issuer}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      command: logged("npm start", "console"),
      url: `${e2e.baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      // Its log lines (one a request) are in the file logged() writes, not in the test report.
      stdout: "ignore",
      env: {
        PORT: String(consolePort),
        EMULATOR_PORT: String(emulatorPort),
        DATA_DIR: dataDir,
        NEXTAUTH_URL: e2e.baseURL,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        // Loopback plays its proxy: a test names a client address in X-Forwarded-For (e2e/security.spec.ts).
        TRUSTED_PROXIES: "127.0.0.1, ::1",
        // Sample audiences often, so an event put on air by a spec has a curve within seconds.
        SHOWRUNNER_SAMPLE_INTERVAL_S: "2",
        // Alert channels may point at receivers the specs start on this machine (e2e/alerts.spec.ts).
        SHOWRUNNER_ALERTS_ALLOW_HTTP_LOOPBACK: "true",
        // /api/metrics answers 401 to every session (e2e/inventory.spec.ts), not 404.
        METRICS_TOKEN: "e2e-console-metrics-token-0000000000",
      },
    },
    {
      command: logged("npm start", "bad-token-console"),
      url: `${e2e.badTokenURL}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      // Its log lines (one a request) are in the file logged() writes, not in the test report.
      stdout: "ignore",
      env: {
        PORT: String(badTokenPort),
        DATA_DIR: join(dataDir, "bad-token"),
        SENDBIRD_APP_ID: "e2e-bad-token",
        SENDBIRD_API_TOKEN: "not-a-real-token-0000",
        SENDBIRD_CALLS_API_URL: `${e2e.emulatorURL}/v1`,
        SENDBIRD_CHAT_API_URL: `${e2e.emulatorURL}/v3`,
        NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
        SHOWRUNNER_ADMIN_EMAIL: badTokenAdmin.email,
        SHOWRUNNER_ADMIN_PASSWORD: badTokenAdmin.password,
        // Its token is refused: a background sync would only retry and log.
        SHOWRUNNER_SYNC_INTERVAL_S: "0",
      },
    },
    {
      command: logged("node --import tsx e2e/cluster.ts", "cluster"),
      url: `${cluster.urls[1]}/sign-in`,
      timeout: 300_000,
      reuseExistingServer: false,
      // Its log lines (one a request) are in the file logged() writes, not in the test report.
      stdout: "ignore",
    },
  ],
});

import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where the e2e servers listen (see playwright.config.ts). */
export const consolePort = 3100;
export const badTokenPort = 3101;
export const emulatorPort = 8190;

export const e2e = {
  baseURL: `http://127.0.0.1:${consolePort}`,
  badTokenURL: `http://127.0.0.1:${badTokenPort}`,
  emulatorURL: `http://127.0.0.1:${emulatorPort}`,
};

/** The first admin of the sendbird-mode console, bootstrapped from SHOWRUNNER_ADMIN_EMAIL/PASSWORD. */
export const badTokenAdmin = { email: "owner@e2e.test", password: "e2e-owner-password" };

/** Two consoles on one Postgres server (e2e/cluster.ts). */
export const cluster = {
  ports: [3102, 3103] as const,
  urls: ["http://127.0.0.1:3102", "http://127.0.0.1:3103"] as const,
};
export const clusterAdmin = { email: "cluster@e2e.test", password: "e2e-cluster-password" };
/** The second cluster console runs on this secondary token (added to the emulator by e2e/cluster.ts). */
export const clusterSecondaryToken = "e2e-cluster-secondary-token-7e2e";

/** The e2e identity provider (e2e/oidc-idp.ts) that the emulator-mode console trusts for single sign-on. */
export const oidc = {
  port: 8191,
  issuer: "http://127.0.0.1:8191",
  clientId: "showrunner-e2e",
  clientSecret: "e2e-oidc-client-secret",
};

/** Each e2e server's output (playwright.config.ts), for the secrets scan. */
export const logsDir = join(tmpdir(), "showrunner-e2e-logs");
/** Where e2e/cluster.ts notes its Postgres server's address, for the secrets scan of its database. */
export const clusterDatabaseFile = join(tmpdir(), "showrunner-e2e-cluster-database");

/** Every console response the e2e browsers received, one JSON line each, for the secrets scan (e2e/secrets.spec.ts). */
export const responsesDir = join(tmpdir(), "showrunner-e2e-responses");

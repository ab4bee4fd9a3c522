// Runs after every other spec (the "secrets" project depends on "chromium"): no API token reached a browser
// outside the one-time display of a new token; and no token, secret key or password is in the build output,
// the servers' logs or the databases.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { APIRequestContext } from "@playwright/test";
import pg from "pg";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { demoPassword } from "./auth";
import { expect, recorded, test } from "./fixtures";
import { emulator } from "./requests";
import { badTokenAdmin, clusterAdmin, clusterDatabaseFile, clusterSecondaryToken, logsDir, oidc } from "./servers";

function files(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip(path)) return [];
    return statSync(path).isDirectory() ? files(path, skip) : [path];
  });
}

const dataDir = process.env.SHOWRUNNER_E2E_DATA_DIR ?? "";
const sessionSecretFile = join(dataDir, "nextauth-secret");

/**
 * Every secret of the e2e run, named by what it is: the tokens the emulator ever issued, the consoles'
 * tokens and session secrets, the single sign-on client secret, the S3 keys a spec sent, and the passwords
 * the specs typed. Two published defaults are set apart (see `withoutPublishedDefaults`).
 */
async function secrets(request: APIRequestContext): Promise<{ name: string; find: (text: string) => boolean }[]> {
  const { tokens } = await emulator<{ tokens: string[] }>(request, "GET", "/__emulator/api-tokens/issued");
  const exact = (name: string, value: string) => ({ name, find: (text: string) => text.includes(value) });
  return [
    exact("the master API token", defaultMasterToken),
    ...[...new Set([...tokens, clusterSecondaryToken])].map((t) => exact(`API token …${t.slice(-4)}`, t)),
    exact("the bad-token console's API token", "not-a-real-token-0000"),
    exact("the main console's session secret", readFileSync(sessionSecretFile, "utf8").trim()),
    exact("the bad-token console's session secret", "e2e-secret-e2e-secret-e2e-secret-e2e"),
    exact("the cluster's session secret", "e2e-cluster-secret-e2e-cluster-secret"),
    exact("the OIDC client secret", oidc.clientSecret),
    { name: "an S3 secret access key", find: (text: string) => /E2eSecret\/\d+\+abcdefghijklmnop/.test(text) },
    exact("an S3 access key id", "AKIAE2E0000000000001"),
    ...[demoPassword, badTokenAdmin.password, clusterAdmin.password, "first own password", "second own password", "chosen on the other instance"].map((p) =>
      exact(`password "${p.slice(0, 3)}…"`, p),
    ),
  ];
}

/**
 * The build holds the emulator and the demo world, and with them two published defaults: the emulator's
 * master token and the demo accounts' password, both in the README. Those are looked for in the client
 * bundle only.
 */
const publishedDefaults = new Set(["the master API token", `password "${demoPassword.slice(0, 3)}…"`]);
const withoutPublishedDefaults = (list: Awaited<ReturnType<typeof secrets>>) => list.filter((s) => !publishedDefaults.has(s.name));

/** The names of the secrets found in each file, one line per file that holds any. */
function scan(paths: string[], list: Awaited<ReturnType<typeof secrets>>): string[] {
  return paths.flatMap((path) => {
    const text = readFileSync(path, "latin1");
    const found = list.filter((s) => s.find(text)).map((s) => s.name);
    return found.length ? [`${path}: ${found.join(", ")}`] : [];
  });
}

test.describe("secrets", () => {
  test("no token reached a browser except once, in the answer to the action that made it", async ({ request }) => {
    const { tokens } = await emulator<{ tokens: string[] }>(request, "GET", "/__emulator/api-tokens/issued");
    const responses = recorded();
    // The run must have recorded something, or the scan proves nothing.
    expect(responses.length).toBeGreaterThan(200);
    const generated = responses.filter((r) => r.action && tokens.some((t) => r.body.includes(t)));
    expect(generated.length, "the one-time displays of the tokens the e2e run made").toBeGreaterThan(0);
    for (const token of [defaultMasterToken, ...tokens]) {
      const holding = responses.filter((r) => r.body.includes(token));
      const label = `…${token.slice(-4)}`;
      expect(
        holding.filter((r) => !r.action).map((r) => r.url),
        `pages and handlers answering with ${label}`,
      ).toEqual([]);
      expect(holding.length, `server-action answers holding ${label}`).toBeLessThanOrEqual(1);
    }
  });

  test("the client bundle holds no token, secret key or password, published defaults included", async ({ request }) => {
    const bundle = files(".next/static").filter((f) => /\.(js|css|json|html|txt)$/.test(f));
    expect(bundle.length).toBeGreaterThan(10);
    expect(scan(bundle, await secrets(request))).toEqual([]);
  });

  test("the build output holds no token, secret key or password", async ({ request }) => {
    // Not the build cache, nor the installed packages the server loads as they are (linked, or copied into the bundle).
    const skipped = new Set(
      ["cache", "node_modules", join("standalone", "node_modules"), join("standalone", ".next", "node_modules")].map((p) => join(".next", p)),
    );
    const built = files(".next", (path) => skipped.has(path));
    expect(built.length).toBeGreaterThan(100);
    expect(scan(built, withoutPublishedDefaults(await secrets(request)))).toEqual([]);
  });

  test("the servers' logs hold none", async ({ request }) => {
    const logs = files(logsDir);
    // The main console, the sendbird-mode console, the cluster and the bundle's two runs, each with something said.
    expect(logs.map((f) => basename(f)).sort()).toEqual(["bad-token-console.log", "bundle-embedded.log", "bundle-postgres.log", "cluster.log", "console.log"]);
    for (const log of logs) expect(statSync(log).size, log).toBeGreaterThan(100);
    expect(scan(logs, await secrets(request))).toEqual([]);
  });

  test("the databases hold none: the embedded ones file by file, the cluster's Postgres table by table", async ({ request }) => {
    const list = await secrets(request);
    // The session secret is kept in a file of its own beside the database, readable by its owner only. So is
    // the demo world `npm start` keeps for its emulator: that is Sendbird's side (the application's API tokens
    // are in it, as they are in Sendbird), which the console never reads.
    const worldFile = join(dataDir, "emulator-world.json");
    expect(statSync(worldFile).mode & 0o777).toBe(0o600);
    const embedded = files(dataDir, (path) => path === sessionSecretFile || path === worldFile);
    expect(embedded.length).toBeGreaterThan(50);
    expect(scan(embedded, list)).toEqual([]);

    expect(existsSync(clusterDatabaseFile)).toBe(true);
    const client = new pg.Client({ connectionString: readFileSync(clusterDatabaseFile, "utf8").trim() });
    await client.connect();
    try {
      const tables = (await client.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public'")).rows.map(
        (r) => r.name,
      );
      expect(tables).toContain("audit_events");
      const found: string[] = [];
      for (const table of tables) {
        const rows = (await client.query<{ row: string }>(`select t::text as row from "${table}" t`)).rows;
        for (const { row } of rows) for (const secret of list) if (secret.find(row)) found.push(`${table}: ${secret.name}`);
      }
      expect([...new Set(found)]).toEqual([]);
    } finally {
      await client.end();
    }
  });
});

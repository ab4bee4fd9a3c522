// The two-instance cluster of the e2e run: a throwaway Postgres server and two consoles on it (sendbird
// mode, pointed at the e2e emulator), as a load balancer would see them. Stops everything on SIGTERM.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultMasterToken } from "@/lib/emulator";
import { startThrowawayPostgres } from "../scripts/test/postgres";
import { cluster, clusterAdmin, clusterDatabaseFile, clusterSecondaryToken, e2e } from "./servers";

const postgres = await startThrowawayPostgres();
if (!postgres) {
  console.error("e2e cluster: no Postgres server binaries (run `tsx scripts/ensure-postgres.ts`).");
  process.exit(1);
}

writeFileSync(clusterDatabaseFile, postgres.url);

const children: ChildProcess[] = [];
function stop(code: number): never {
  for (const child of children) child.kill("SIGTERM");
  postgres?.stop();
  process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

/**
 * The second console runs on a secondary token, as a read-mostly instance might: the e2e emulator (started
 * by the main console) gets that token once it answers.
 */
async function addSecondaryToken(): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    try {
      const answer = await fetch(`${e2e.emulatorURL}/__emulator/api-tokens`, {
        method: "POST",
        headers: { "api-token": defaultMasterToken, "content-type": "application/json" },
        body: JSON.stringify({ token: clusterSecondaryToken }),
      });
      if (answer.ok || answer.status === 400) return;
    } catch {
      // The emulator is not up yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  console.error("e2e cluster: the emulator never answered; the second console's token is unknown to it.");
}
await addSecondaryToken();

for (const port of cluster.ports) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: "inherit",
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), `showrunner-cluster-${port}-`)),
      DATABASE_URL: postgres.url,
      SENDBIRD_APP_ID: "e2e-cluster",
      SENDBIRD_API_TOKEN: port === cluster.ports[1] ? clusterSecondaryToken : defaultMasterToken,
      SENDBIRD_CALLS_API_URL: `${e2e.emulatorURL}/v1`,
      SENDBIRD_CHAT_API_URL: `${e2e.emulatorURL}/v3`,
      NEXTAUTH_SECRET: "e2e-cluster-secret-e2e-cluster-secret",
      SHOWRUNNER_ADMIN_EMAIL: clusterAdmin.email,
      SHOWRUNNER_ADMIN_PASSWORD: clusterAdmin.password,
      // The main e2e console already crawls the shared emulator; a second crawl would only spend its rate
      // limits. The sync's one-instance rule is tested against Postgres in lib/activity/crawler.test.ts.
      SHOWRUNNER_SYNC_INTERVAL_S: "0",
    },
  });
  child.once("exit", (code) => {
    console.error(`e2e cluster: the console on port ${port} stopped (exit code ${code}).`);
    stop(1);
  });
  children.push(child);
}

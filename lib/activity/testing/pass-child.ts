// One pass of the activity sync in a process of its own, for the test that kills it part-way: it prints
// "read <event id>" as it starts reading each event. Arguments: database URL, calls and chat base URLs,
// API token, and the time to count from (the emulator's frozen clock). Run with --conditions=react-server.
import "server-only";
import { openDatabase } from "@/lib/db";
import { createSendbirdClient } from "@/lib/sendbird/client";
import { runPass } from "../crawler";

const [databaseUrl = "", callsBaseUrl = "", chatBaseUrl = "", apiToken = "", from = "0"] = process.argv.slice(2);
const started = performance.now();
const { db } = await openDatabase({ databaseUrl, dataDir: "" });
const client = createSendbirdClient({ apiToken, callsBaseUrl, chatBaseUrl });
const liveEvents = {
  ...client.liveEvents,
  hosts: (id: string) => {
    process.stdout.write(`read ${id}\n`);
    return client.liveEvents.hosts(id);
  },
};
const result = await runPass({
  db,
  client: { liveEvents },
  windowMs: 30 * 86_400_000,
  instance: "child",
  now: () => Number(from) + Math.round(performance.now() - started),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

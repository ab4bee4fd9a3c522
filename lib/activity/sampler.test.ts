import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { OpenDatabase } from "@/lib/db";
import { openDatabase, withLock } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "@/lib/sendbird/client";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { samplerLockKey, startSampler } from "./sampler";
import type { Sampler, SamplerOptions } from "./sampler";
import { userActivity } from "./store";
import { indexedHosts } from "./hosts";
import { samplesFor } from "./samples";

const interval = 30_000;
/** Long enough that the timer never fires during a test that ticks by hand. */
const manual = 3_600_000;

let t: TestEmulator;
const samplers: Sampler[] = [];
beforeEach(async () => {
  t = await startTestEmulator();
});
afterEach(async () => {
  await Promise.all(samplers.splice(0).map((s) => s.stop()));
  await t.close();
});

function client(apiToken = t.master): SendbirdClient {
  return createSendbirdClient({
    apiToken,
    callsBaseUrl: t.running.callsBaseUrl,
    chatBaseUrl: t.running.chatBaseUrl,
    retryBaseMs: 5,
    maxRetries: 1,
    throttle: false,
  });
}

function sampler(options: Partial<SamplerOptions> & Pick<SamplerOptions, "db">): Sampler {
  const s = startSampler({ client: client(), intervalMs: manual, now: () => testNow + 12_345, log: () => undefined, ...options });
  samplers.push(s);
  return s;
}

/** An event in the given state with `viewers` watching (none can watch before it is ready). */
async function event(state: "created" | "ready" | "ongoing", viewers: string[] = []): Promise<string> {
  const c = client();
  const { id } = await c.liveEvents.create({ hostCandidates: ["host"] });
  if (state === "created") return id;
  await c.liveEvents.setReady(id);
  if (viewers.length > 0) expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: viewers })).status).toBe(200);
  if (state === "ongoing") await c.liveEvents.start(id);
  return id;
}

async function users(...ids: string[]): Promise<void> {
  for (const userId of ids) await client().users.create({ userId, nickname: userId });
}

describe.each(engines)("the audience sampler on %s", (engine) => {
  let d: OpenDatabase;
  // Opening and migrating a fresh embedded database takes several seconds on a busy machine.
  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());

  test("records each ongoing event's audience once a tick, stamped with the start of the interval", async () => {
    await users("host", "v1", "v2", "v3", "v4");
    const big = await event("ongoing", ["v1", "v2", "v3"]);
    const small = await event("ongoing", ["v4"]);
    const waiting = await event("ready", ["v1"]);
    const planned = await event("created");

    const result = await sampler({ db: d.db, intervalMs: interval }).tick();
    expect(result).toEqual({ outcome: "sampled", events: 2, recorded: 2, at: testNow });
    expect(await samplesFor(d.db, big)).toEqual([{ at: testNow, participantCount: 3 }]);
    expect(await samplesFor(d.db, small)).toEqual([{ at: testNow, participantCount: 1 }]);
    expect(await samplesFor(d.db, waiting)).toEqual([]);
    expect(await samplesFor(d.db, planned)).toEqual([]);

    expect((await t.control("POST", `/live-events/${big}/participants/leave`, { user_ids: ["v1"] })).status).toBe(200);
    await sampler({ db: d.db, intervalMs: interval, now: () => testNow + interval }).tick();
    expect(await samplesFor(d.db, big)).toEqual([
      { at: testNow, participantCount: 3 },
      { at: testNow + interval, participantCount: 2 },
    ]);
  });

  test("records the hosts on air from the same reading, so the index still names them once the event has ended", async () => {
    await users("host");
    const live = await event("ongoing");
    const { host } = (await t.control("POST", `/live-events/${live}/hosts`, { user_id: "host" })).json;
    await sampler({ db: d.db, intervalMs: interval }).tick();
    await client().liveEvents.end(live);
    expect(await client().liveEvents.hosts(live)).toEqual([]);
    expect((await indexedHosts(d.db, [live])).get(live)).toEqual([
      expect.objectContaining({ hostId: host.host_id, userId: "host", state: "entered", exitedAt: null }),
    ]);
    // The case file lists the event before any crawl has read it.
    expect(await userActivity(d.db, { userId: "host", limit: 10 })).toEqual([expect.objectContaining({ liveEventId: live, role: "host" })]);
  });

  test("logs a failure once per distinct message, keeps ticking, and says when it works again", async () => {
    const lines: string[] = [];
    const s = sampler({ db: d.db, log: (line) => lines.push(line) });
    expect((await t.control("POST", "/faults", { method: "GET", path: "/v1/live-events", status: 503 })).status).toBe(200);
    for (let i = 0; i < 3; i += 1) expect(await s.tick()).toMatchObject({ outcome: "failed", message: expect.stringContaining("503") });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^audience sampling failed .*503/);

    expect((await t.control("DELETE", "/faults")).status).toBe(200);
    expect(await s.tick()).toMatchObject({ outcome: "sampled" });
    expect(lines).toEqual([lines[0], "audience sampling works again."]);
  });

  test("a rejected token is reported once, not every tick", async () => {
    const lines: string[] = [];
    const s = sampler({ db: d.db, client: client("not-the-token-0000000000"), log: (line) => lines.push(line) });
    expect(await s.tick()).toMatchObject({ outcome: "failed" });
    expect(await s.tick()).toMatchObject({ outcome: "failed" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/401/);
  });

  test("ticks by itself every interval until stopped", async () => {
    await users("host", "v1");
    const id = await event("ongoing", ["v1"]);
    let clock = testNow;
    const s = sampler({ db: d.db, intervalMs: 20, now: () => (clock += 20) });
    for (let waited = 0; (await samplesFor(d.db, id)).length < 3; waited += 20) {
      if (waited > 5_000) throw new Error("the sampler did not tick by itself");
      await new Promise((r) => setTimeout(r, 20));
    }
    await s.stop();
    const after = (await samplesFor(d.db, id)).length;
    await new Promise((r) => setTimeout(r, 100));
    expect((await samplesFor(d.db, id)).length).toBe(after);
  });
});

describe.runIf(engines.includes("postgres"))("two console instances on one Postgres database", () => {
  let first: OpenDatabase & { url: string | null };
  let second: OpenDatabase;
  beforeAll(async () => {
    first = await freshDatabase("postgres");
    second = await openDatabase({ databaseUrl: first.url, dataDir: "" });
  }, 30_000);
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  test("skip a tick while the other holds the sampling lock", async () => {
    await users("host", "v1");
    const id = await event("ongoing", ["v1"]);
    const other = sampler({ db: second.db });
    expect(await withLock(first.db, samplerLockKey, () => other.tick())).toEqual({ outcome: "busy" });
    expect(await samplesFor(first.db, id)).toEqual([]);
  });

  test("never both record in the same tick, even with their timers out of phase", async () => {
    await users("host", "v1", "v2", "v3");
    const ids = [await event("ongoing", ["v1"]), await event("ongoing", ["v2", "v3"])];
    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await Promise.all([
        sampler({ db: first.db, intervalMs: interval, now: () => testNow + round * interval + 1_000 }).tick(),
        sampler({ db: second.db, intervalMs: interval, now: () => testNow + round * interval + 17_000 }).tick(),
      ]);
      const recorders = [a, b].filter((r) => r.outcome === "sampled" && r.recorded > 0);
      expect(recorders, JSON.stringify([a, b])).toHaveLength(1);
    }
    for (const id of ids) expect((await samplesFor(first.db, id)).map((p) => p.at)).toEqual([0, 1, 2, 3, 4].map((i) => testNow + i * interval));
  });
});

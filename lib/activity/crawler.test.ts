import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/db";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { seedWorld } from "@/lib/emulator/seed/seed";
import { startTestEmulator, testNow } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "@/lib/sendbird/client";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { refreshOpenEvents, runPass } from "./crawler";
import type { CrawlClient, PassOptions, PassResult } from "./crawler";
import { indexSize, userActivity } from "./store";
import { readSync } from "./progress";

const day = 86_400_000;
const window = 30 * day;
/** A clock that moves a millisecond each reading, from just after the emulator's frozen time. */
let ticks = 0;
const now = () => testNow + 1000 + (ticks += 1);

let t: TestEmulator;
afterEach(async () => {
  await t.close();
});

/** An emulator holding a seeded world of `events` live events (about a third of the users watch each). */
async function world(events: number, options: { users?: number; rateLimits?: boolean } = {}) {
  t = await startTestEmulator({ rateLimits: options.rateLimits ?? false });
  seedWorld(t.emulator.store, 11, { users: options.users ?? 30, liveEvents: events, calls: 0, rooms: 0, apiTokens: 0 });
}

/**
 * What Sendbird tells, as `event role session user`: every participant session of every event, and the hosts
 * in an event now (Sendbird names no host who has left, and none once an event has ended).
 */
function truth(): string[] {
  const rows: string[] = [];
  for (const event of t.emulator.store.liveEvents.values()) {
    for (const h of event.hosts) if (h.state !== "exited") rows.push(`${event.live_event_id} host ${h.host_id} ${h.user_id}`);
    for (const p of event.participants) rows.push(`${event.live_event_id} participant ${p.participant_id} ${p.user_id}`);
  }
  return rows.sort();
}

/** What the index holds, in the same form. */
async function indexed(db: OpenDatabase["db"]): Promise<string[]> {
  const users = new Set<string>();
  for (const event of t.emulator.store.liveEvents.values()) {
    for (const s of [...event.hosts, ...event.participants]) users.add(s.user_id);
  }
  const rows: string[] = [];
  for (const userId of users) {
    for (const a of await userActivity(db, { userId, limit: 10_000 })) rows.push(`${a.liveEventId} ${a.role} ${a.sessionId} ${a.userId}`);
  }
  return rows.sort();
}

interface Counted {
  client: CrawlClient;
  /** Events whose sessions were read, in order (one entry per crawl). */
  crawled: string[];
  statuses: number[];
}

/** A client of the test emulator that notes each event it crawls and every HTTP status it meets. */
function counted(options: { throttle?: boolean; onCrawl?: (count: number) => void } = {}): Counted {
  const statuses: number[] = [];
  const crawled: string[] = [];
  const client: SendbirdClient = createSendbirdClient({
    apiToken: t.master,
    callsBaseUrl: t.running.callsBaseUrl,
    chatBaseUrl: t.running.chatBaseUrl,
    throttle: options.throttle ?? false,
    retryBaseMs: 20,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    },
  });
  const liveEvents = {
    ...client.liveEvents,
    hosts: (id: string) => {
      crawled.push(id);
      options.onCrawl?.(crawled.length);
      return client.liveEvents.hosts(id);
    },
  };
  return { client: { liveEvents }, crawled, statuses };
}

const pass = (db: OpenDatabase["db"], client: CrawlClient, extra: Partial<PassOptions> = {}): Promise<PassResult> =>
  runPass({ db, client, windowMs: window, now, instance: "test", ...extra });

const endedIds = () => [...t.emulator.store.liveEvents.values()].filter((e) => e.state === "ended").map((e) => e.live_event_id);

describe.each(engines)("the activity crawl on %s", (engine) => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());
  afterEach(async () => {
    await d.db.execute(sql`truncate activity_events, activity_entries, activity_sync, participant_samples`);
  });

  test("indexes every participant session and every host Sendbird names, and crawls an ended event only once", async () => {
    await world(40);
    const first = counted();
    const result = await pass(d.db, first.client);
    expect(result).toMatchObject({ outcome: "finished", seen: 40, crawled: 40 });
    expect(await indexed(d.db)).toEqual(truth());
    const size = await indexSize(d.db);
    expect(size).toMatchObject({ events: 40, finalEvents: endedIds().length });
    expect(size.entries).toBe(truth().length);

    // Nothing changed: the events not over yet are seen, and none is read again.
    const second = counted();
    expect(await pass(d.db, second.client)).toMatchObject({ outcome: "finished", seen: 40, crawled: 0 });
    expect(second.crawled).toEqual([]);
    const status = await readSync(d.db);
    expect(status).toMatchObject({ passStartedAt: null, lastError: null, lastEventsSeen: 40, instance: "test" });

    // Someone joins one event on air: that event alone is read again, and the index has the new session.
    const onAir = [...t.emulator.store.liveEvents.values()].find((e) => e.state === "ongoing");
    if (!onAir) throw new Error("the seeded world has no event on air");
    const newcomer = [...t.emulator.store.users.keys()].find((u) => !onAir.participants.some((p) => p.user_id === u && p.exited_at === null));
    await t.control("POST", `/live-events/${onAir.live_event_id}/participants/join`, { user_ids: [newcomer] });
    const third = counted();
    expect(await pass(d.db, third.client)).toMatchObject({ outcome: "finished", crawled: 1 });
    expect(third.crawled).toEqual([onAir.live_event_id]);
    expect(await indexed(d.db)).toEqual(truth());
  });

  test("reads only events created within the window", async () => {
    await world(40);
    const { client } = counted();
    const windowMs = 3 * day;
    expect(await pass(d.db, client, { windowMs })).toMatchObject({ outcome: "finished" });
    const inWindow = [...t.emulator.store.liveEvents.values()].filter((e) => e.created_at >= now() - windowMs).length;
    expect(inWindow).toBeLessThan(40);
    expect((await indexSize(d.db)).events).toBe(inWindow);
  });

  test("resumes a pass stopped in the middle where it stopped, crawling no finished event twice", async () => {
    await world(60);
    const stop = new AbortController();
    const first = counted({ onCrawl: (n) => n === 25 && stop.abort() });
    expect(await pass(d.db, first.client, { signal: stop.signal })).toEqual({ outcome: "stopped" });
    const stopped = await readSync(d.db);
    expect(stopped?.passStartedAt).not.toBeNull();
    expect(stopped?.eventsCrawled).toBe(25);

    const second = counted();
    expect(await pass(d.db, second.client)).toMatchObject({ outcome: "finished", seen: 60, crawled: 60 });
    expect(second.crawled.filter((id) => first.crawled.includes(id))).toEqual([]);
    expect(first.crawled.length + second.crawled.length).toBe(60);
    expect(await indexed(d.db)).toEqual(truth());
  });

  test("records a failure in plain words and keeps its place; the next pass resumes and clears it", async () => {
    await world(30);
    const { client } = counted();
    const fault = t.emulator.faults.add({ method: "*", path: "/v1/live-events/*/participants", status: 500, probability: 1, drop: false });
    const failed = await pass(d.db, client);
    expect(failed).toMatchObject({ outcome: "failed", message: expect.stringMatching(/^Sendbird had a problem \(HTTP 500/) });
    expect(await readSync(d.db)).toMatchObject({ lastError: expect.stringMatching(/Sendbird had a problem/), passStartedAt: expect.any(Date) });
    t.emulator.faults.remove(fault.id);
    expect(await pass(d.db, client)).toMatchObject({ outcome: "finished", seen: 30, crawled: 30 });
    expect((await readSync(d.db))?.lastError).toBeNull();
    expect(await indexed(d.db)).toEqual(truth());
  });

  test("keeps the hosts it saw live once the event ends, as having left at its end", async () => {
    t = await startTestEmulator();
    await t.call("POST", "/v3/users", { body: { user_id: "ada", nickname: "Ada", profile_url: "" } });
    const id: string = (await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["ada"] } })).json.live_event
      .live_event_id;
    await t.call("POST", `/v1/live-events/${id}/ready`);
    await t.call("POST", `/v1/live-events/${id}/start`);
    const { host } = (await t.control("POST", `/live-events/${id}/hosts`, { user_id: "ada" })).json;
    await t.control("POST", `/live-events/${id}/hosts/${host.host_id}/connect`);
    expect(await pass(d.db, counted().client)).toMatchObject({ outcome: "finished" });
    expect(await userActivity(d.db, { userId: "ada", limit: 10 })).toEqual([
      expect.objectContaining({ role: "host", sessionId: host.host_id, exitedAt: null }),
    ]);

    await t.control("POST", "/clock/advance", { ms: 60_000 });
    await t.call("DELETE", `/v1/live-events/${id}`);
    expect((await t.call("GET", `/v1/live-events/${id}/hosts`)).json).toEqual({ host: null });
    expect(await pass(d.db, counted().client)).toMatchObject({ outcome: "finished" });
    expect(await userActivity(d.db, { userId: "ada", limit: 10 })).toEqual([
      expect.objectContaining({ role: "host", sessionId: host.host_id, state: "exited", exitedAt: testNow + 60_000, durationMs: 60_000 }),
    ]);
  });

  test("refreshing now reads the events not over yet that changed since their last read, and leaves the pass's place alone", async () => {
    await world(40);
    const { client, crawled } = counted();
    const open = [...t.emulator.store.liveEvents.values()].filter((e) => e.state !== "ended").map((e) => e.live_event_id);
    expect(await refreshOpenEvents(client, d.db, { windowMs: window, now })).toEqual({ read: open.length, deferred: 0 });
    expect([...crawled].sort()).toEqual([...open].sort());
    expect(await readSync(d.db)).toBeNull();
    // Read a moment ago and unchanged since: a second refresh reads none of them.
    const again = counted();
    expect(await refreshOpenEvents(again.client, d.db, { windowMs: window, now })).toEqual({ read: 0, deferred: 0 });
    expect(again.crawled).toEqual([]);
  });

  test("a refresh spends a bounded number of reads: the events the index has the user in first, then the smallest; the rest wait for the pass", async () => {
    await world(40);
    const users = [...t.emulator.store.users.keys()];
    const [subject = "", other = ""] = users;
    const joinable = [...t.emulator.store.liveEvents.values()].filter((e) => e.state === "ready" || e.state === "ongoing");
    // The subject watches the event with the biggest audience, and the index knows it.
    const biggest = joinable.reduce((a, b) => (b.participants.length > a.participants.length ? b : a));
    await t.control("POST", `/live-events/${biggest.live_event_id}/participants/join`, { user_ids: [subject] });
    expect(await pass(d.db, counted().client)).toMatchObject({ outcome: "finished" });
    // Then someone joins every event open to an audience: each one changed.
    for (const e of joinable) await t.control("POST", `/live-events/${e.live_event_id}/participants/join`, { user_ids: [other] });
    const { client, crawled } = counted();
    // Room for two small events (hosts and one page of participants each).
    const refreshed = await refreshOpenEvents(client, d.db, { windowMs: window, now, userId: subject, reads: 4 });
    expect(refreshed).toEqual({ read: 2, deferred: joinable.length - 2 });
    expect(crawled[0]).toBe(biggest.live_event_id);
    // The rest are the background pass's.
    const later = counted();
    expect(await pass(d.db, later.client)).toMatchObject({ outcome: "finished" });
    expect(later.crawled.sort()).toEqual(
      joinable
        .map((e) => e.live_event_id)
        .filter((id) => !crawled.includes(id))
        .sort(),
    );
  });
});

describe("the activity crawl within Sendbird's rate limits", () => {
  let d: OpenDatabase;
  beforeAll(async () => {
    d = await freshDatabase("pglite");
  }, 30_000);
  afterAll(() => d.close());

  // The 1,000-event crawl budget (docs/ARCHITECTURE.md) is a figure of `npm run bench`; this pass proves the behaviour.
  test("indexes 150 events with their participants and shows no error", async () => {
    await world(150, { users: 45, rateLimits: true });
    const { client, statuses } = counted({ throttle: true });
    expect(await pass(d.db, client)).toMatchObject({ outcome: "finished", seen: 150, crawled: 150 });
    expect((await readSync(d.db))?.lastError).toBeNull();
    expect(await indexed(d.db)).toEqual(truth());
    // The client's budget kept it under the published limits: Sendbird never had to refuse a request.
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 90_000);
});

describe.skipIf(!engines.includes("postgres"))("the activity crawl killed part-way", () => {
  let d: OpenDatabase & { url: string | null };
  beforeAll(async () => {
    d = await freshDatabase("postgres");
  }, 30_000);
  afterAll(() => d.close());

  test("resumes where a killed process stopped, within the rate limits, and the dead process's lock is gone", async () => {
    await world(60, { rateLimits: true });
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "lib/activity/testing/pass-child.ts",
        d.url ?? "",
        t.running.callsBaseUrl,
        t.running.chatBaseUrl,
        t.master,
        String(now()),
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const readByChild: string[] = [];
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout }).on("line", (line) => {
        if (line.startsWith("read ")) readByChild.push(line.slice(5));
        if (readByChild.length === 25) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.once("exit", () => reject(new Error("the pass ended before it was killed")));
    });
    await exited;
    // A restart takes longer than Sendbird's one-second window, which still holds the killed process's requests.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const killed = await readSync(d.db);
    expect(killed?.passStartedAt).not.toBeNull();
    expect(killed?.eventsCrawled).toBeGreaterThanOrEqual(23);

    const { client, crawled, statuses } = counted({ throttle: true });
    expect(await pass(d.db, client)).toMatchObject({ outcome: "finished", seen: 60, crawled: 60 });
    // Only the event being read at the moment of the kill may be read twice.
    expect(crawled.filter((id) => readByChild.includes(id)).length).toBeLessThanOrEqual(1);
    expect(new Set([...readByChild, ...crawled]).size).toBe(60);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await indexed(d.db)).toEqual(truth());
  }, 120_000);
});

describe.skipIf(!engines.includes("postgres"))("the activity crawl on two instances", () => {
  let a: OpenDatabase;
  let b: OpenDatabase;
  beforeAll(async () => {
    const first = await freshDatabase("postgres");
    a = first;
    b = await openDatabase({ databaseUrl: first.url, dataDir: "" });
  }, 30_000);
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  test("never crawl at once, within the rate limits: while one holds the sync's lock the other's pass answers busy", async () => {
    await world(40, { rateLimits: true });
    const [first, second] = await Promise.all([
      pass(a.db, counted({ throttle: true }).client, { instance: "a" }),
      pass(b.db, counted({ throttle: true }).client, { instance: "b" }),
    ]);
    expect([first.outcome, second.outcome].sort()).toEqual(["busy", "finished"]);

    // Both loop for a while; each finished pass spans from its first request to its last, and no two overlap.
    const spans: { instance: string; from: number; to: number }[] = [];
    const loop = async (db: OpenDatabase["db"], instance: string, until: number) => {
      let outcomes = 0;
      // One client per instance, as each process has one: its throttle paces all of that instance's passes.
      const base = counted({ throttle: true });
      let stamps: number[] = [];
      const liveEvents = {
        ...base.client.liveEvents,
        hosts: (id: string) => {
          stamps.push(performance.now());
          return base.client.liveEvents.hosts(id);
        },
      };
      while (performance.now() < until) {
        stamps = [];
        const result = await pass(db, { liveEvents }, { instance });
        stamps.push(performance.now());
        if (result.outcome === "finished") {
          outcomes += 1;
          spans.push({ instance, from: stamps[0] ?? 0, to: performance.now() });
        } else {
          expect(result.outcome, result.outcome === "failed" ? result.message : "").toBe("busy");
          expect(stamps).toHaveLength(1);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      return outcomes;
    };
    const until = performance.now() + 5000;
    const [passesA, passesB] = await Promise.all([loop(a.db, "a", until), loop(b.db, "b", until)]);
    expect(passesA + passesB).toBeGreaterThan(2);
    spans.sort((x, y) => x.from - y.from);
    for (let i = 1; i < spans.length; i += 1) expect(spans[i]?.from).toBeGreaterThanOrEqual(spans[i - 1]?.to ?? 0);
    expect(await indexed(a.db)).toEqual(truth());
  }, 60_000);
});

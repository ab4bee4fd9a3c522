import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { liveEventEnvelopeSchema, liveEventListSchema, participantListSchema } from "@/lib/sendbird/schemas";
import { EmulatorError } from "./errors";
import { decodeToken, encodeToken, insertSorted, newestFirst, oldestFirst, paginate } from "./paginate";
import type { Cursor, Page, PageRequest } from "./paginate";
import { startTestEmulator } from "./testing/harness";
import type { TestEmulator } from "./testing/harness";

interface Item {
  id: string;
  at: number;
}

const keyOf = (item: Item): Cursor => ({ sort: item.at, id: item.id });

/** Items newest first, as the store keeps its lists. */
function newestList(items: Item[]): Item[] {
  return [...items].sort((a, b) => newestFirst(keyOf(a), keyOf(b)));
}

function page(items: Item[], request: PageRequest, list = "things"): Page<Item> {
  return paginate(list, items, keyOf, newestFirst, request);
}

function ids(p: Page<Item>): string[] {
  return p.items.map((i) => i.id);
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error("expected a throw");
}

/** Five items a second apart: e (newest) … a (oldest). */
const five = newestList(["a", "b", "c", "d", "e"].map((id, i) => ({ id, at: 1000 * (i + 1) })));

describe("encodeToken and decodeToken", () => {
  test("round-trip a cursor through an opaque, URL-safe token", () => {
    const token = encodeToken("live_events", { sort: 1_793_880_000_000, id: "6eec7ed4-c0ed-4480-843f-6497be86b8c6" });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeToken("live_events", token, "next")).toEqual({ sort: 1_793_880_000_000, id: "6eec7ed4-c0ed-4480-843f-6497be86b8c6" });
  });

  test("round-trip any cursor", () => {
    fc.assert(
      fc.property(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), (list, sort, id) => {
        expect(decodeToken(list, encodeToken(list, { sort, id }), "next")).toEqual({ sort: Object.is(sort, -0) ? 0 : sort, id });
      }),
    );
  });

  test.each([
    ["a token of another list", encodeToken("participants:x", { sort: 1, id: "a" })],
    ["garbage", "not-a-token"],
    ["an empty token", ""],
    ["base64 of a JSON string", Buffer.from('"live_events"').toString("base64url")],
    ["base64 of null", Buffer.from("null").toString("base64url")],
    ["a token with a string sort", Buffer.from('{"l":"live_events","s":"1","i":"a"}').toString("base64url")],
    ["a token with an infinite sort", Buffer.from('{"l":"live_events","s":1e400,"i":"a"}').toString("base64url")],
    ["a token without an id", Buffer.from('{"l":"live_events","s":1}').toString("base64url")],
  ])("refuses %s as an invalid parameter naming it", (_name, token) => {
    const err = thrown(() => decodeToken("live_events", token, "prev"));
    expect(err).toBeInstanceOf(EmulatorError);
    expect(err).toMatchObject({ kind: "invalid", chatCode: 400109 });
    expect((err as EmulatorError).message).toContain('"prev"');
  });

  test("refuses every random string as a token", () => {
    fc.assert(
      fc.property(fc.string(), (token) => {
        expect(thrown(() => decodeToken("live_events", token, "next"))).toMatchObject({ kind: "invalid" });
      }),
    );
  });
});

describe("paginate", () => {
  test("cuts the first page at limit with a next token and no prev", () => {
    const first = page(five, { limit: 2 });
    expect({ ids: ids(first), prev: first.prev, hasNext: first.hasNext }).toEqual({ ids: ["e", "d"], prev: null, hasNext: true });
    expect(decodeToken("things", first.next ?? "", "next")).toEqual({ sort: 4000, id: "d" });
  });

  test("pages forward with next and back with prev", () => {
    const p1 = page(five, { limit: 2 });
    const p2 = page(five, { limit: 2, next: p1.next ?? undefined });
    const p3 = page(five, { limit: 2, next: p2.next ?? undefined });
    expect([ids(p1), ids(p2), ids(p3)]).toEqual([["e", "d"], ["c", "b"], ["a"]]);
    expect({ next: p3.next, hasNext: p3.hasNext }).toEqual({ next: null, hasNext: false });
    const back = page(five, { limit: 2, prev: p3.prev ?? undefined });
    expect(ids(back)).toEqual(["c", "b"]);
    expect(back.next).toBe(p2.next);
    const start = page(five, { limit: 2, prev: back.prev ?? undefined });
    expect({ ids: ids(start), prev: start.prev }).toEqual({ ids: ["e", "d"], prev: null });
  });

  test("returns everything with null tokens when the list fits in one page", () => {
    expect(page(five, { limit: 100 })).toEqual({ items: five, next: null, prev: null, hasNext: false });
    expect(page([], { limit: 10 })).toEqual({ items: [], next: null, prev: null, hasNext: false });
  });

  test("is not shifted by newer items added between pages", () => {
    const p1 = page(five, { limit: 2 });
    const grown = newestList([...five, { id: "f", at: 9000 }, { id: "g", at: 9000 }]);
    expect(ids(page(grown, { limit: 2, next: p1.next ?? undefined }))).toEqual(["c", "b"]);
  });

  test("continues after the cut even when the item it was cut at is gone", () => {
    const p1 = page(five, { limit: 2 });
    const shrunk = five.filter((i) => i.id !== "d");
    expect(ids(page(shrunk, { limit: 2, next: p1.next ?? undefined }))).toEqual(["c", "b"]);
  });

  test("orders items of the same instant by id", () => {
    const tied = newestList(["a", "c", "b"].map((id) => ({ id, at: 1 })));
    expect(tied.map((i) => i.id)).toEqual(["c", "b", "a"]);
    const p1 = page(tied, { limit: 1 });
    expect(ids(page(tied, { limit: 1, next: p1.next ?? undefined }))).toEqual(["b"]);
  });

  test("refuses next and prev together, and tokens of another list", () => {
    const p1 = page(five, { limit: 2 });
    expect(thrown(() => page(five, { limit: 2, next: p1.next ?? "", prev: p1.next ?? "" }))).toMatchObject({ kind: "invalid" });
    expect(thrown(() => page(five, { limit: 2, next: p1.next ?? "" }, "other"))).toMatchObject({ kind: "invalid" });
  });

  test("walks any sorted list forward and back in the same pages", () => {
    const itemsArb = fc.uniqueArray(fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), at: fc.integer({ min: 0, max: 5 }) }), {
      selector: (i) => i.id,
      maxLength: 40,
    });
    fc.assert(
      fc.property(itemsArb, fc.integer({ min: 1, max: 12 }), (raw, limit) => {
        const items = newestList(raw);
        const forward: Page<Item>[] = [page(items, { limit })];
        for (let last = forward[0]; last?.next; last = forward[forward.length - 1]) {
          if (forward.length > items.length) throw new Error("next never ends");
          forward.push(page(items, { limit, next: last.next }));
        }
        expect(forward.flatMap(ids)).toEqual(items.map((i) => i.id));
        const backward: Page<Item>[] = [];
        for (let token = forward[forward.length - 1]?.prev; token; token = backward[backward.length - 1]?.prev) {
          if (backward.length > items.length) throw new Error("prev never ends");
          backward.push(page(items, { limit, prev: token }));
        }
        expect(backward.map(ids)).toEqual(forward.slice(0, -1).reverse().map(ids));
      }),
    );
  });
});

describe("newestFirst, oldestFirst and insertSorted", () => {
  test("order by sort value, then by id", () => {
    expect(newestFirst({ sort: 2, id: "a" }, { sort: 1, id: "z" })).toBeLessThan(0);
    expect(newestFirst({ sort: 1, id: "b" }, { sort: 1, id: "a" })).toBeLessThan(0);
    expect(newestFirst({ sort: 1, id: "a" }, { sort: 1, id: "a" })).toBe(0);
    expect(oldestFirst({ sort: 1, id: "z" }, { sort: 2, id: "a" })).toBeLessThan(0);
    expect(oldestFirst({ sort: 1, id: "a" }, { sort: 1, id: "b" })).toBeLessThan(0);
  });

  test("insertSorted keeps a list sorted whatever the insertion order", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string({ maxLength: 3 }), at: fc.integer({ min: 0, max: 4 }) }), { maxLength: 50 }), (raw) => {
        const newest: Item[] = [];
        const oldest: Item[] = [];
        for (const item of raw) {
          insertSorted(newest, item, keyOf, newestFirst);
          insertSorted(oldest, item, keyOf, oldestFirst);
        }
        expect(newest.map(keyOf)).toEqual(newestList(raw).map(keyOf));
        expect(oldest.map(keyOf)).toEqual(newestList(raw).reverse().map(keyOf));
      }),
    );
  });
});

describe("live event pages over HTTP", () => {
  let t: TestEmulator;
  beforeEach(async () => {
    t = await startTestEmulator();
  });
  afterEach(() => t.close());

  async function create(): Promise<{ id: string; created_at: number }> {
    const res = await t.call("POST", "/v1/live-events", { body: { host_type: "single_host", user_ids_for_host: ["host-alice"] } });
    expect(res.status).toBe(200);
    const event = liveEventEnvelopeSchema.parse(res.json).live_event;
    return { id: event.live_event_id, created_at: event.created_at };
  }

  async function advance(ms: number): Promise<void> {
    if (ms > 0) expect((await t.control("POST", "/clock/advance", { ms })).status).toBe(200);
  }

  async function list(query: string) {
    const res = await t.call("GET", `/v1/live-events${query}`);
    expect(res.status).toBe(200);
    const parsed = liveEventListSchema.parse(res.json);
    return { events: parsed.live_events.map((e) => ({ id: e.live_event_id, created_at: e.created_at })), prev: parsed.prev ?? null, next: parsed.next ?? null };
  }

  const pageIds = (p: { events: { id: string }[] }) => p.events.map((e) => e.id);

  test("walking next returns every event exactly once, newest first, while newer events arrive; prev walks the same pages back", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Clock steps before each creation; 0 makes events of the same millisecond.
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        // How many newer events arrive before each following page.
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }),
        async (steps, limit, arrivals) => {
          expect((await t.control("POST", "/reset")).status).toBe(200);
          const created: { id: string; created_at: number }[] = [];
          for (const step of steps) {
            await advance(step);
            created.push(await create());
          }
          const whole = await list("?limit=100");
          expect(new Set(pageIds(whole))).toEqual(new Set(created.map((e) => e.id)));

          const forward = [await list(`?limit=${limit}`)];
          expect(forward[0]?.prev).toBeNull();
          const arrived: string[] = [];
          for (let i = 0; forward[forward.length - 1]?.next; i += 1) {
            if (forward.length > created.length) throw new Error("next never ends");
            await advance(1);
            for (let n = 0; n < (arrivals[i % Math.max(arrivals.length, 1)] ?? 0); n += 1) arrived.push((await create()).id);
            forward.push(await list(`?limit=${limit}&next=${encodeURIComponent(forward[forward.length - 1]?.next ?? "")}`));
          }
          const walked = forward.flatMap((p) => p.events);
          expect(walked.map((e) => e.id)).toEqual(pageIds(whole));
          for (let i = 1; i < walked.length; i += 1) expect(walked[i]?.created_at).toBeLessThanOrEqual(walked[i - 1]?.created_at ?? 0);
          forward.slice(0, -1).forEach((p) => expect(p.events).toHaveLength(limit));

          const backward: Awaited<ReturnType<typeof list>>[] = [];
          for (let token = forward[forward.length - 1]?.prev; token; token = backward[backward.length - 1]?.prev) {
            if (backward.length > created.length + arrived.length) throw new Error("prev never ends");
            backward.push(await list(`?limit=${limit}&prev=${encodeURIComponent(token)}`));
          }
          const pagesBack = forward.length - 1;
          expect(backward.slice(0, pagesBack).map(pageIds)).toEqual(forward.slice(0, -1).reverse().map(pageIds));
          const newest = await list(`?limit=100`);
          const beyond = backward.slice(pagesBack).reverse().flatMap(pageIds);
          expect(beyond).toEqual(pageIds(newest).slice(0, arrived.length));
          expect(new Set(beyond)).toEqual(new Set(arrived));
        },
      ),
      { numRuns: 25 },
    );
  });

  test("a garbage page token is HTTP 400 code 400100, never a 500", async () => {
    for (let i = 0; i < 3; i += 1) await create();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 1 }),
          fc.json().map((j) => Buffer.from(j).toString("base64url")),
        ),
        fc.constantFrom("next", "prev"),
        async (token, param) => {
          const res = await t.call("GET", `/v1/live-events?limit=1&${param}=${encodeURIComponent(token)}`);
          expect({ status: res.status, code: res.json.code, type: res.json.type }).toEqual({ status: 400, code: 400100, type: "INVALID_PARAMS" });
        },
      ),
      { numRuns: 60 },
    );
  });

  test("a page token of another list is HTTP 400 code 400100", async () => {
    const users = ["v1", "v2", "v3"];
    for (const user_id of users) expect((await t.call("POST", "/v3/users", { body: { user_id, nickname: user_id, profile_url: "" } })).status).toBe(200);
    const a = await create();
    const b = await create();
    for (const id of [a.id, b.id]) {
      expect((await t.call("POST", `/v1/live-events/${id}/ready`, { body: {} })).status).toBe(200);
      expect((await t.control("POST", `/live-events/${id}/participants/join`, { user_ids: users })).status).toBe(200);
    }
    const eventsToken = (await list("?limit=1")).next ?? "";
    const participantsRes = await t.call("GET", `/v1/live-events/${a.id}/participants?limit=1`);
    const participantsToken = participantListSchema.parse(participantsRes.json).next ?? "";
    const usersToken: string = (await t.call("GET", "/v3/users?limit=1")).json.next;
    expect([eventsToken, participantsToken, usersToken].every((token) => token.length > 0)).toBe(true);

    const misuses = [
      `/v1/live-events?limit=1&next=${encodeURIComponent(participantsToken)}`,
      `/v1/live-events?limit=1&prev=${encodeURIComponent(usersToken)}`,
      `/v1/live-events/${a.id}/participants?limit=1&next=${encodeURIComponent(eventsToken)}`,
      `/v1/live-events/${b.id}/participants?limit=1&next=${encodeURIComponent(participantsToken)}`,
    ];
    for (const path of misuses) {
      const res = await t.call("GET", path);
      expect({ path, status: res.status, code: res.json.code }).toEqual({ path, status: 400, code: 400100 });
    }
  });
});

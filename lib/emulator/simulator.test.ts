import { describe, expect, test } from "vitest";
import { createClock } from "./clock";
import { createRandom } from "./random";
import { seedSizes, seedWorld } from "./seed/seed";
import { Simulator } from "./simulator";
import { newLiveEventRecord } from "./store/live-events";
import { participantCount } from "./store/serialize";
import { Store } from "./store/store";

/** Ten minutes of the demo world's on-air audiences, one count per event and tick (2 s apart). */
function audiences(store: Store, ticks: number, seed = 7): Map<string, number[]> {
  const simulator = new Simulator(store, 2000, createRandom(seed).next);
  const seen = new Map<string, number[]>();
  for (let i = 0; i < ticks; i += 1) {
    simulator.tick();
    for (const event of store.liveEventOrder) {
      if (event.state === "ongoing") seen.set(event.live_event_id, [...(seen.get(event.live_event_id) ?? []), participantCount(event)]);
    }
  }
  return seen;
}

describe("the demo world's simulator", () => {
  test("keeps each seeded audience near where it started, so the default audience-crash rule stays quiet", () => {
    for (const seed of [42, 1, 2]) {
      const store = new Store(createClock(), "master", "test");
      seedWorld(store, seed, seedSizes.demo);
      // The default rule: more than 50 % down within 5 minutes (150 ticks), from at least 20 people.
      for (const [id, counts] of audiences(store, 300)) {
        counts.forEach((count, i) => {
          const before = counts.slice(Math.max(0, i - 150), i).filter((c) => c >= 20);
          const highest = Math.max(0, ...before);
          expect(highest === 0 || count >= highest / 2, `${id} fell from ${highest} to ${count} (seed ${seed})`).toBe(true);
        });
      }
    }
  });

  test("fills an event that started empty", () => {
    const store = new Store(createClock(), "master", "test");
    seedWorld(store, 42, seedSizes.small);
    const event = newLiveEventRecord(
      { host_type: "users", live_event_type: "live_event_for_video", user_ids_for_host: [], title: "Fresh" },
      "fresh",
      store.now(),
    );
    event.state = "ongoing";
    store.addLiveEvent(event);
    const counts = audiences(store, 60).get(event.live_event_id) ?? [];
    expect(counts.at(-1)).toBeGreaterThanOrEqual(10);
  });
});

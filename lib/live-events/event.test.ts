import { describe, expect, test, vi } from "vitest";
import { indexedHosts } from "@/lib/activity/hosts";
import { recordSamples, samplesFor } from "@/lib/activity/samples";
import { freshDatabase } from "@/lib/db/testing";
import { emulatorWithDatabase } from "@/lib/emulator/testing/with-database";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";
import { loadLiveEvent } from "./event";

describe("an event's page", () => {
  const world = emulatorWithDatabase();
  const client = () => world.client({ throttle: false });

  /** An event on air with `host` hosting and `viewers` watching. */
  async function onAir(host: string, viewers: string[]): Promise<string> {
    const c = client();
    for (const userId of [host, ...viewers]) await c.users.create({ userId, nickname: userId });
    const { id } = await c.liveEvents.create({ hostCandidates: [host] });
    await c.liveEvents.setReady(id);
    expect((await world.emulator.control("POST", `/live-events/${id}/participants/join`, { user_ids: viewers })).status).toBe(200);
    await c.liveEvents.start(id);
    expect((await world.emulator.control("POST", `/live-events/${id}/hosts`, { user_id: host })).status).toBe(200);
    return id;
  }

  test("reads the event, a page of its participants, its samples and the hosts the index saw; the reading of an event on air is kept", async () => {
    const id = await onAir("host-a", ["v1", "v2"]);
    const earlier = Date.now() - 60_000;
    await recordSamples(world.db, [{ liveEventId: id, at: earlier, participantCount: 5 }]);
    const loaded = await loadLiveEvent(client(), world.db, id, undefined);
    expect(loaded.event).toMatchObject({ id, state: "ongoing", participantCount: 2 });
    expect(loaded.raw).toMatchObject({ live_event_id: id });
    expect(loaded.participants.items.map((p) => p.userId).sort()).toEqual(["v1", "v2"]);
    expect(loaded.indexed).toEqual([]);
    // This reading ends the curve at once; the database has it too, without the page waiting for it.
    expect(loaded.samples).toEqual([
      { at: earlier, participantCount: 5 },
      { at: loaded.fetchedAt, participantCount: 2 },
    ]);
    await vi.waitFor(async () => expect(await samplesFor(world.db, id)).toContainEqual({ at: loaded.fetchedAt, participantCount: 2 }));
    await vi.waitFor(async () => expect((await indexedHosts(world.db, [id])).get(id)).toEqual([expect.objectContaining({ userId: "host-a" })]));
    expect((await loadLiveEvent(client(), world.db, id, undefined)).indexed).toEqual([expect.objectContaining({ userId: "host-a" })]);
  });

  test("still shows Sendbird's data when the database cannot answer, and says so in the log", async () => {
    const id = await onAir("host-b", ["v3"]);
    const gone = await freshDatabase("pglite");
    await gone.close();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const loaded = await loadLiveEvent(client(), gone.db, id, undefined);
      expect(loaded.event.id).toBe(id);
      expect(loaded.samples).toBeNull();
      expect(loaded.indexed).toBeNull();
      expect(errors.mock.calls.map(([line]) => String(line)).sort()).toEqual([
        expect.stringContaining(`audience samples of ${id} could not be read`),
        expect.stringContaining(`the audit trail of ${id} could not be read`),
        expect.stringContaining(`the hosts the index saw in ${id} could not be read`),
      ]);
      // Without the audit trail, no step is named for a console account.
      expect(loaded.actors).toEqual({});
    } finally {
      errors.mockRestore();
    }
  }, 30_000);

  test("rejects an event Sendbird does not know", async () => {
    await expect(loadLiveEvent(client(), world.db, "no-such-event", undefined)).rejects.toBeInstanceOf(SendbirdNotFoundError);
  });
});

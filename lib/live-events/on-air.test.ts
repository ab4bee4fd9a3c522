import { describe, expect, test, vi } from "vitest";
import { recordSamples } from "@/lib/activity/samples";
import { freshDatabase } from "@/lib/db/testing";
import { emulatorWithDatabase } from "@/lib/emulator/testing/with-database";
import { onAir } from "./on-air";

describe("the on-air board's read", () => {
  const world = emulatorWithDatabase();
  const client = () => world.client({ throttle: false });

  /** An event on air with `viewers` watching. */
  async function onAirWith(viewers: string[]): Promise<string> {
    const c = client();
    for (const userId of viewers) await c.users.create({ userId, nickname: userId });
    const { id } = await c.liveEvents.create({ hostCandidates: ["host"] });
    await c.liveEvents.setReady(id);
    if (viewers.length > 0) expect((await world.emulator.control("POST", `/live-events/${id}/participants/join`, { user_ids: viewers })).status).toBe(200);
    await c.liveEvents.start(id);
    return id;
  }

  test("gives each card the audience of the last 30 minutes from the samples, ending with the count just read", async () => {
    const sampled = await onAirWith(["s1", "s2", "s3"]);
    const unsampled = await onAirWith(["u1"]);
    const now = Date.now();
    await recordSamples(world.db, [
      { liveEventId: sampled, at: now - 45 * 60_000, participantCount: 500 },
      { liveEventId: sampled, at: now - 20 * 60_000, participantCount: 8 },
      { liveEventId: sampled, at: now - 10 * 60_000, participantCount: 6 },
    ]);
    const board = await onAir(client(), world.db);
    const card = (id: string) => board.cards.find((c) => c.id === id);
    // The reading from before the window is left out; the count read now is the last point.
    expect(card(sampled)?.spark).toMatchObject({ from: 8, to: 3, min: 3, max: 8 });
    expect(card(sampled)?.spark?.path).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){2}$/);
    // One reading (the count just read) draws no line.
    expect(card(unsampled)).toMatchObject({ participantCount: 1, spark: null });
  });

  test("still lists the cards, without sparklines, when there is no database or it cannot answer", async () => {
    const id = await onAirWith(["g1", "g2"]);
    await recordSamples(world.db, [{ liveEventId: id, at: Date.now() - 60_000, participantCount: 4 }]);
    expect((await onAir(client(), world.db)).cards.find((c) => c.id === id)?.spark).not.toBeNull();

    expect((await onAir(client(), null)).cards.find((c) => c.id === id)).toMatchObject({ participantCount: 2, spark: null });

    const gone = await freshDatabase("pglite");
    await gone.close();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const board = await onAir(client(), gone.db);
      expect(board.cards.find((c) => c.id === id)).toMatchObject({ participantCount: 2, spark: null });
      expect(board.cards.every((c) => c.spark === null)).toBe(true);
      expect(errors.mock.calls.map(([line]) => String(line))).toEqual([
        expect.stringContaining("audience samples and alerts of the events on air could not be read"),
      ]);
    } finally {
      errors.mockRestore();
    }
  }, 30_000);
});

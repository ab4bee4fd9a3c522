import { describe, expect, test } from "vitest";
import { Admission } from "./admission";

describe("admission to password checks", () => {
  test("refuses an address beyond its share at once, and admits another address", async () => {
    // A refusal that waited for a slot would take a minute and time the test out: it has to come at once.
    const gate = new Admission({ slots: 4, perKey: 2, queue: 8, waitMs: 60_000 });
    const a1 = await gate.enter("a");
    const a2 = await gate.enter("a");
    expect(a1 && a2).toBeTruthy();
    expect(await gate.enter("a")).toBeNull();
    expect(await gate.enter("b")).not.toBeNull();
    a1?.();
    expect(await gate.enter("a")).not.toBeNull();
  });

  test("a newcomer waits for a freed slot, and is refused when none frees up in time", async () => {
    const gate = new Admission({ slots: 1, perKey: 5, queue: 1, waitMs: 50 });
    const first = await gate.enter("a");
    const waiting = gate.enter("b");
    expect(await gate.enter("c")).toBeNull(); // the queue is full
    first?.();
    const second = await waiting;
    expect(second).not.toBeNull();
    expect(await gate.enter("d")).toBeNull(); // waited 50 ms, nothing freed
    second?.();
    expect(await gate.enter("d")).not.toBeNull();
  });

  test("releasing twice frees one slot only", async () => {
    const gate = new Admission({ slots: 1, perKey: 5, queue: 0, waitMs: 10 });
    const first = await gate.enter("a");
    first?.();
    first?.();
    expect(await gate.enter("a")).not.toBeNull();
    expect(await gate.enter("b")).toBeNull();
  });
});

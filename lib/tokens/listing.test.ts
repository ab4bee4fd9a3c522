import { describe, expect, test } from "vitest";
import { emulatorWithDatabase } from "@/lib/emulator/testing/with-database";
import { loadTokens } from "./listing";
import { recordUse, insertRotation } from "./store";
import type { TokenRef } from "./store";

describe("the tokens page", () => {
  const world = emulatorWithDatabase();

  /** A secondary token made with the master token, a second after the last (the emulator's clock stands still otherwise). */
  const mint = async (): Promise<TokenRef> => {
    expect((await world.emulator.control("POST", "/clock/advance", { ms: 1000 })).status).toBe(200);
    const { token, createdAt } = await world.client().apiTokens.generate();
    return { last4: token.slice(-4), createdAt };
  };

  test("lists the tokens newest first, each with how this console last used it and whether the rotation under way involves it", async () => {
    const [old, replacement, other] = [await mint(), await mint(), await mint()];
    await insertRotation(world.db, { old, replacement, startedBy: "admin@example.com" });
    const checkedAt = Date.now();
    await recordUse(world.db, replacement, "rotation_check", checkedAt);

    const { listing, rotation, rows } = await loadTokens(world.client(), world.db);
    expect(listing).toMatchObject({ kind: "master", slotsUsed: 3, slots: 10 });
    expect(rotation).toMatchObject({ old, replacement });
    expect(rows.map((r) => [r.last4, r.inRotation, r.lastUsedAt, r.lastUsedHow])).toEqual([
      [other.last4, false, null, null],
      [replacement.last4, true, checkedAt, "checked during a rotation"],
      [old.last4, true, null, null],
    ]);
  });

  test("on a secondary token there is no list to show, only the fact", async () => {
    const { token } = await world.client().apiTokens.generate();
    const { listing, rows } = await loadTokens(world.client({ apiToken: token }), world.db);
    expect(listing).toMatchObject({ kind: "secondary" });
    expect(rows).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { emulatedClient } from "@/lib/sendbird/testing/emulated";
import { searchUsers } from "./search";

describe("the user search of user pickers", () => {
  let t: TestEmulator;
  const client = () => emulatedClient(t);

  beforeAll(async () => {
    t = await startTestEmulator();
    for (const [user_id, nickname] of [
      ["ann-1", "Annabel"],
      ["ann-2", "Anne"],
      ["bob", "Bob"],
      ["Ann", "Zed"],
    ]) {
      await t.call("POST", "/v3/users", { body: { user_id, nickname, profile_url: "" } });
    }
    await t.call("PUT", "/v3/users/bob", { body: { issue_access_token: true } });
  });
  afterAll(() => t.close());

  test("finds the exact id first, then nicknames that start with the text", async () => {
    expect((await searchUsers(client(), "Ann")).map((u) => u.userId)).toEqual(["Ann", "ann-1", "ann-2"]);
  });

  test("finds nothing without saying it failed, and never carries a credential", async () => {
    expect(await searchUsers(client(), "nobody")).toEqual([]);
    const [bob] = await searchUsers(client(), "bob");
    expect(Object.keys(bob ?? {}).sort()).toEqual(["isActive", "nickname", "profileUrl", "userId"]);
  });
});

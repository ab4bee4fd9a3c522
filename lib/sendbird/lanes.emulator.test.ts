import { afterEach, beforeEach, expect, test } from "vitest";
import { seedWorld } from "@/lib/emulator/seed/seed";
import { startTestEmulator } from "@/lib/emulator/testing/harness";
import type { TestEmulator } from "@/lib/emulator/testing/harness";
import { createSendbirdClient } from "./client";
import { RateBucket } from "./rate-bucket";

let t: TestEmulator;
beforeEach(async () => {
  t = await startTestEmulator();
  seedWorld(t.emulator.store, 42, { users: 10, liveEvents: 3000, calls: 0, rooms: 0, apiTokens: 0 });
});
afterEach(() => t.close());

const lastSeq = () => t.emulator.journal.last(1)[0]?.seq ?? 0;

test("an interactive read goes to Sendbird ahead of the export pages already waiting for the same budget", async () => {
  // One process's budget, as lib/sendbird/server.ts shares it between the pages' client and the exports'.
  const bucket = new RateBucket();
  const options = { apiToken: t.master, callsBaseUrl: t.running.callsBaseUrl, chatBaseUrl: t.running.chatBaseUrl, bucket };
  const exports = createSendbirdClient({ ...options, lane: "bulk" });
  const pages = createSendbirdClient(options);
  let stopped = false;
  const walk = async () => {
    for await (const _ of exports.liveEvents.list.all({ limit: 100 })) if (stopped) break;
  };
  const walks = Array.from({ length: 6 }, walk);
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const asked = lastSeq();
  // The exports have been reading for a second, at the budget's 8 a second.
  expect(asked).toBeGreaterThanOrEqual(6);
  await pages.liveEvents.list({ limit: 5 });
  stopped = true;
  await Promise.all(walks);

  const since = t.emulator.journal.last(lastSeq() - asked).reverse();
  const interactive = since.findIndex((e) => /[?&]limit=5(&|$)/.test(e.query));
  expect(interactive).toBeGreaterThanOrEqual(0);
  // At most the one export page that had already left when the page asked.
  expect(since.slice(0, interactive).filter((e) => e.query.includes("limit=100")).length).toBeLessThanOrEqual(1);
});

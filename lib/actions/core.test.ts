import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { listAudit, verifyChain } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { SendbirdConnectionError, SendbirdServerError, SendbirdStateError } from "@/lib/sendbird/errors";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import { runAction } from "./core";
import type { ActionDefinition } from "./core";

const meta = { requestId: "req-1", ip: "192.0.2.10", userAgent: "test" };
const operator: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "operator@showrunner.local",
  name: "",
  role: "operator",
  mustChangePassword: false,
};
const support: SessionUser = { ...operator, id: "00000000-0000-4000-8000-000000000002", email: "support@showrunner.local", role: "support" };

describe.each(engines)("the action wrapper on %s", (engine) => {
  let d: OpenDatabase;
  const effects: string[] = [];
  const endEvent: ActionDefinition<z.ZodObject<{ liveEventId: z.ZodString }>, { ended: string }> = {
    name: "live_event.end",
    permission: "liveEvents.operate",
    input: z.object({ liveEventId: z.string().min(1).max(100) }),
    target: (input) => ({ type: "live_event", id: input.liveEventId }),
    run: async ({ input }) => {
      if (input.liveEventId === "already-ended") {
        throw new SendbirdStateError({
          host: "calls",
          status: 401,
          code: 401120,
          message: 'Cannot end a live event in state "ended".',
          method: "DELETE",
          path: "/live-events/x",
        });
      }
      const where = { host: "calls" as const, method: "DELETE", path: "/live-events/x" };
      if (input.liveEventId === "answer-lost")
        throw new SendbirdConnectionError({ ...where, status: 0, code: null, message: "Could not reach the host: socket hang up" });
      if (input.liveEventId === "server-failed") throw new SendbirdServerError({ ...where, status: 503, code: null, message: "Service unavailable." });
      effects.push(input.liveEventId);
      return { ended: input.liveEventId };
    },
  };

  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());

  test("runs the work and audits the success", async () => {
    const result = await runAction(endEvent, { liveEventId: "e1" }, { user: operator, db: d.db, sendbird: noSendbird, meta });
    expect(result).toEqual({ ok: true, data: { ended: "e1" } });
    const [row] = await listAudit(d.db, { targetId: "e1" });
    expect(row).toMatchObject({ action: "live_event.end", outcome: "success", actorEmail: operator.email, requestId: "req-1", ip: "192.0.2.10" });
  });

  test("refuses a role without the permission, audits the refusal and does nothing", async () => {
    const result = await runAction(endEvent, { liveEventId: "e2" }, { user: support, db: d.db, sendbird: noSendbird, meta });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(effects).not.toContain("e2");
    expect((await listAudit(d.db, { actor: support.email }))[0]).toMatchObject({ outcome: "denied" });
  });

  test("refuses a signed-out caller", async () => {
    expect(await runAction(endEvent, { liveEventId: "e3" }, { user: null, db: d.db, sendbird: noSendbird, meta })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    expect(effects).not.toContain("e3");
  });

  test("answers bad input field by field and changes nothing", async () => {
    const before = (await listAudit(d.db, { limit: 500 })).length;
    const result = await runAction(endEvent, { liveEventId: "" }, { user: operator, db: d.db, sendbird: noSendbird, meta });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { liveEventId: expect.any(String) } } });
    expect(await runAction(endEvent, "not an object", { user: operator, db: d.db, sendbird: noSendbird, meta })).toMatchObject({
      ok: false,
      error: { code: "invalid_input" },
    });
    expect((await listAudit(d.db, { limit: 500 })).length).toBe(before);
    expect(effects).not.toContain("");
  });

  test("audits an upstream failure with Sendbird's code and explains it in plain words", async () => {
    const result = await runAction(endEvent, { liveEventId: "already-ended" }, { user: operator, db: d.db, sendbird: noSendbird, meta });
    expect(result).toMatchObject({ ok: false, error: { code: "failed", message: expect.stringContaining("Not allowed right now") } });
    expect((await listAudit(d.db, { targetId: "already-ended" }))[0]).toMatchObject({ outcome: "failure", sendbirdCode: 401120 });
    expect((await verifyChain(d.db)).intact).toBe(true);
  });

  test.each(["answer-lost", "server-failed"])("records a change Sendbird never confirmed (%s) as unknown, and says it may have been made", async (id) => {
    const result = await runAction(endEvent, { liveEventId: id }, { user: operator, db: d.db, sendbird: noSendbird, meta });
    expect(result).toMatchObject({ ok: false, error: { code: "unconfirmed", message: expect.stringContaining("may or may not have been made") } });
    expect((await listAudit(d.db, { targetId: id }))[0]).toMatchObject({ outcome: "unknown", message: expect.stringContaining("Not confirmed by Sendbird") });
  });
});

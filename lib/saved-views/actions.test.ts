import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runAction } from "@/lib/actions/core";
import type { ActionDefinition } from "@/lib/actions/core";
import { listAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { OpenDatabase } from "@/lib/db";
import { engines, freshDatabase } from "@/lib/db/testing";
import { noSendbird } from "@/lib/sendbird/testing/emulated";
import { createSavedView, deleteSavedView } from "./actions";
import { listViews } from "./store";

const meta = { requestId: "req-views", ip: "192.0.2.30", userAgent: "test" };
const person = (email: string, role: SessionUser["role"]): SessionUser => ({ id: crypto.randomUUID(), email, name: "", role, mustChangePassword: false });

describe.each(engines)("saved views on %s", (engine) => {
  let d: OpenDatabase;
  const admin = person("admin@example.com", "admin");
  const operator = person("operator@example.com", "operator");
  const support = person("support@example.com", "support");
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions with different input types
  const act = <T>(def: ActionDefinition<any, T>, input: unknown, user: SessionUser) => runAction(def, input, { user, db: d.db, sendbird: noSendbird, meta });

  beforeAll(async () => {
    d = await freshDatabase(engine);
  }, 30_000);
  afterAll(() => d.close());

  test("saves the filters in a fixed order without the page token, for everyone to see", async () => {
    const saved = await act(
      createSavedView,
      { page: "live-events", name: "Big ended shows", query: "?limit=50&next=abc&state=ended&minParticipants=100" },
      support,
    );
    expect(saved).toMatchObject({ ok: true, data: { name: "Big ended shows", query: "?state=ended&minParticipants=100&limit=50", createdBy: support.email } });
    expect((await listViews(d.db, "live-events")).map((v) => v.name)).toContain("Big ended shows");
  });

  test("refuses a name already used on the page, whatever its case, and filters the page cannot apply", async () => {
    await act(createSavedView, { page: "live-events", name: "On air", query: "?state=ongoing" }, operator);
    expect(await act(createSavedView, { page: "live-events", name: "ON AIR", query: "?state=ended" }, support)).toMatchObject({
      ok: false,
      error: { fields: { name: "A view named “ON AIR” already exists here. Pick another name." } },
    });
    const bad = await act(createSavedView, { page: "live-events", name: "Paused", query: "?state=paused" }, support);
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(bad.ok ? null : bad.error.fields?.query).toMatch(/^These filters cannot be applied/);
    expect(await act(createSavedView, { page: "users", name: "x", query: "" }, support)).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect((await listViews(d.db, "live-events")).filter((v) => v.name.toLowerCase() === "on air")).toHaveLength(1);
  });

  test("lets the author or an admin delete a view, and nobody else", async () => {
    const created = await act(createSavedView, { page: "live-events", name: "Audio only", query: "?type=audio" }, operator);
    if (!created.ok) throw new Error(created.error.message);
    expect(await act(deleteSavedView, { viewId: created.data.id }, support)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await act(deleteSavedView, { viewId: created.data.id }, operator)).toMatchObject({ ok: true });
    const again = await act(createSavedView, { page: "live-events", name: "Audio only", query: "?type=audio" }, operator);
    if (!again.ok) throw new Error(again.error.message);
    expect(await act(deleteSavedView, { viewId: again.data.id }, admin)).toMatchObject({ ok: true });
    expect(await act(deleteSavedView, { viewId: again.data.id }, admin)).toMatchObject({ ok: false, error: { code: "not_found" } });
    const rows = await listAudit(d.db, { targetId: "live-events:Audio only" });
    expect(rows.map((r) => `${r.action} ${r.outcome} ${r.actorEmail}`)).toEqual(
      expect.arrayContaining([
        `saved_view.delete failure ${support.email}`,
        `saved_view.delete success ${operator.email}`,
        `saved_view.delete success ${admin.email}`,
        `saved_view.create success ${operator.email}`,
      ]),
    );
  });
});

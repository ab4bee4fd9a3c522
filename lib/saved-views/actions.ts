import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { searchRecord } from "@/lib/api/route";
import { can } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/db";
import { AppError, FieldError } from "@/lib/errors";
import { liveEventsQuerySchema, liveEventsSearch } from "@/lib/live-events/query";
import { createViewSchema, deleteViewSchema } from "./schemas";
import type { SavedViewPage } from "./schemas";
import { findView, insertView, removeView } from "./store";
import type { SavedView } from "./store";

/**
 * Each page's own check of a query before it is saved, returning it in canonical form (filters in a fixed
 * order, no page token), or the reason it cannot be saved.
 */
const canonical: Record<SavedViewPage, (query: string) => { ok: true; query: string } | { ok: false; message: string }> = {
  "live-events": (query) => {
    const record = searchRecord(new URLSearchParams(query));
    const parsed = liveEventsQuerySchema.safeParse(record);
    if (!parsed.success) return { ok: false, message: `These filters cannot be applied: ${parsed.error.issues[0]?.message ?? "invalid"}` };
    return { ok: true, query: liveEventsSearch(record) };
  },
};

/** Saves the current filters under a name the page does not use yet (any role may; views are shared). */
export const createSavedView: ActionDefinition<typeof createViewSchema, SavedView> = {
  name: "saved_view.create",
  permission: "data.read",
  input: createViewSchema,
  target: (input) => ({ type: "saved_view", id: `${input.page}:${input.name}`, details: { query: input.query.slice(0, 300) } }),
  run: async ({ input, user, db }) => {
    const checked = canonical[input.page](input.query);
    if (!checked.ok) throw new FieldError({ query: checked.message });
    try {
      return await insertView(db, { page: input.page, name: input.name, query: checked.query, createdBy: user.email });
    } catch (err) {
      if (isUniqueViolation(err)) throw new FieldError({ name: `A view named “${input.name}” already exists here. Pick another name.` });
      throw err;
    }
  },
};

/** Deletes a saved view: its author may, and so may an admin. */
export const deleteSavedView: ActionDefinition<typeof deleteViewSchema, { id: string }> = {
  name: "saved_view.delete",
  permission: "data.read",
  input: deleteViewSchema,
  target: async (input, _user, db) => {
    const row = await findView(db, input.viewId);
    return { type: "saved_view", id: row ? `${row.page}:${row.name}` : input.viewId };
  },
  run: async ({ input, user, db }) => {
    const row = await findView(db, input.viewId);
    if (!row) throw new AppError("not_found", "That view no longer exists.", 404);
    if (row.createdBy !== user.email && !can(user.role, "accounts.manage"))
      throw new AppError("forbidden", `Only ${row.createdBy} or an admin can delete this view.`, 403);
    await removeView(db, input.viewId, row.createdBy);
    return { id: input.viewId };
  },
};

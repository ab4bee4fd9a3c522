import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { savedViews } from "@/lib/db/schema";
import type { SavedViewPage } from "./schemas";

export interface SavedView {
  id: string;
  name: string;
  /** The page's query string, `?…` or empty. */
  query: string;
  createdBy: string;
  createdAt: Date;
}

/** Every saved view of a page, for everyone on the team, by name. */
export function listViews(db: Database, page: SavedViewPage): Promise<SavedView[]> {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query, createdBy: savedViews.createdBy, createdAt: savedViews.createdAt })
    .from(savedViews)
    .where(eq(savedViews.page, page))
    .orderBy(asc(savedViews.name));
}

/** Saves a view; a name the page already uses is a unique violation for the caller to explain. */
export async function insertView(db: Database, view: { page: SavedViewPage; name: string; query: string; createdBy: string }): Promise<SavedView> {
  const [row] = await db.insert(savedViews).values(view).returning();
  if (!row) throw new Error("insert returned nothing");
  return { id: row.id, name: row.name, query: row.query, createdBy: row.createdBy, createdAt: row.createdAt };
}

/** One view by id, with the page it belongs to, or null. */
export async function findView(db: Database, id: string): Promise<{ page: string; name: string; createdBy: string } | null> {
  const [row] = await db
    .select({ page: savedViews.page, name: savedViews.name, createdBy: savedViews.createdBy })
    .from(savedViews)
    .where(eq(savedViews.id, id));
  return row ?? null;
}

/** Deletes a view, only while it still has the author the caller checked. */
export async function removeView(db: Database, id: string, createdBy: string): Promise<void> {
  await db.delete(savedViews).where(and(eq(savedViews.id, id), eq(savedViews.createdBy, createdBy)));
}

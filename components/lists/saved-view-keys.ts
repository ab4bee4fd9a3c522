// The saved views' mutation keys, shared by the chips (which read pending and finished mutations) and the dialogs that run them.
import type { SavedViewPage } from "@/lib/saved-views/schemas";

export type CreateInput = { page: SavedViewPage; query: string; name: string };
export type Created = { id: string; name: string };

export const createKey = (page: SavedViewPage) => ["saved-views", page, "create"] as const;
export const deleteKey = (page: SavedViewPage) => ["saved-views", page, "delete"] as const;

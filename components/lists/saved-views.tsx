import { SavedViewChips } from "@/components/lists/saved-view-controls";
import type { SavedView } from "@/lib/saved-views/store";
import type { SavedViewPage } from "@/lib/saved-views/schemas";

/**
 * The team's saved views of a list page as links, the current one marked, with "Save this view". The page
 * reads the views; `mayDelete` says which of them the viewer may delete (their own, or any for an admin).
 */
export function SavedViews({
  page,
  query,
  views,
  mayDelete,
}: {
  page: SavedViewPage;
  query: string;
  views: SavedView[];
  mayDelete: (view: SavedView) => boolean;
}) {
  return (
    <SavedViewChips
      page={page}
      query={query}
      views={views.map((v) => ({ id: v.id, name: v.name, query: v.query, createdBy: v.createdBy, deletable: mayDelete(v) }))}
    />
  );
}

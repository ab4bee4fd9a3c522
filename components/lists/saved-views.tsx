import Link from "next/link";
import { SaveViewButton, DeleteViewButton } from "@/components/lists/saved-view-controls";
import type { SavedView } from "@/lib/saved-views/store";
import type { SavedViewPage } from "@/lib/saved-views/schemas";
import { cn } from "@/lib/utils";

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
  const current = views.find((v) => v.query === query);
  return (
    <nav aria-label="Saved views" className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-muted-foreground">Saved views:</span>
      {views.length === 0 && <span className="text-muted-foreground">none yet.</span>}
      <ul className="contents">
        {views.map((v) => (
          <li key={v.id} className={cn("flex items-center rounded-full border pl-3", v === current && "border-primary bg-primary/10")}>
            <Link
              href={`/${page}${v.query}`}
              aria-current={v === current ? "page" : undefined}
              title={`Saved by ${v.createdBy}`}
              className="py-0.5 hover:underline"
            >
              {v.name}
            </Link>
            {mayDelete(v) ? <DeleteViewButton viewId={v.id} name={v.name} /> : <span className="w-3" />}
          </li>
        ))}
      </ul>
      {!current && <SaveViewButton page={page} query={query} />}
    </nav>
  );
}

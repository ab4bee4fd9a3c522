import Link from "next/link";
import { SaveViewButton, DeleteViewButton } from "@/components/lists/saved-view-controls";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { listViews } from "@/lib/saved-views";
import type { SavedViewPage } from "@/lib/saved-views/schemas";
import { cn } from "@/lib/utils";

/** The team's saved views of a list page as links, the current one marked, with "Save this view". */
export async function SavedViews({ page, query }: { page: SavedViewPage; query: string }) {
  const [user, views] = await Promise.all([currentUser(), database().then((db) => listViews(db, page))]);
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
            {user && (v.createdBy === user.email || can(user.role, "accounts.manage")) ? (
              <DeleteViewButton viewId={v.id} name={v.name} />
            ) : (
              <span className="w-3" />
            )}
          </li>
        ))}
      </ul>
      {!current && <SaveViewButton page={page} query={query} />}
    </nav>
  );
}

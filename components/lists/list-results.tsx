import { utc } from "@/lib/format";

/**
 * One page of a list read from Sendbird: how many rows and where and when they came from (a live
 * region), then the rows, or a sentence saying nothing matched.
 */
export function ListResults({
  count,
  noun,
  source,
  fetchedAt,
  empty,
  children,
}: {
  count: number;
  noun: [string, string];
  source: string;
  fetchedAt: number;
  empty: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-2">
      <p role="status" className="text-sm text-muted-foreground">
        {count} {count === 1 ? noun[0] : noun[1]} · {source}, fetched at {utc(fetchedAt, "clock")} UTC
      </p>
      {count === 0 ? <p className="rounded-lg border p-6 text-center text-sm text-muted-foreground">{empty}</p> : children}
    </div>
  );
}

// What an edit of a user's metadata changes, key by key; free of zod and server code, for the editor too.
import type { KeyValueRow } from "@/lib/key-value-limits";

export type MetadataChange =
  | { kind: "add"; key: string; value: string }
  | { kind: "change"; key: string; value: string; previous: string }
  | { kind: "remove"; key: string; previous: string };

/**
 * The changes that turn `before` into the edited rows, in the order they are safe to send: removals first,
 * then changes, then additions, so the item limit is never passed on the way.
 */
export function metadataChanges(before: Record<string, string>, rows: readonly KeyValueRow[]): MetadataChange[] {
  const after = new Map(rows.map((r) => [r.key.trim(), r.value]));
  const removed: MetadataChange[] = [];
  const changed: MetadataChange[] = [];
  const added: MetadataChange[] = [];
  for (const [key, previous] of Object.entries(before)) {
    const value = after.get(key);
    if (value === undefined) removed.push({ kind: "remove", key, previous });
    else if (value !== previous) changed.push({ kind: "change", key, value, previous });
  }
  for (const [key, value] of after) if (!Object.hasOwn(before, key)) added.push({ kind: "add", key, value });
  return [...removed, ...changed, ...added];
}

import "server-only";
import type { Database } from "@/lib/db";
import { auditActions, countAudit, listAudit } from "./store";
import type { AuditRow } from "./store";
import { auditPageSize as pageSize, toFilter } from "./query";
import type { AuditQuery } from "./query";

/** One page of the audit trail, newest first, with the cursors of the pages around it (null: there is none). */
export interface AuditPage {
  rows: AuditRow[];
  /** The newest row shown, when newer rows match: `after` for the newer page. */
  newer: number | null;
  /** The oldest row shown, when older rows match: `before` for the older page. */
  older: number | null;
  /** Where the page sits among the matching rows, newest first: "rows 51 to 100 of 130". */
  position: { first: number; last: number; total: number };
}

/** The page of `query` (its filters and cursor). One row more than a page says whether there is another in the direction it goes. */
async function auditPage(db: Database, query: AuditQuery): Promise<AuditPage> {
  const filter = toFilter(query);
  const backwards = Boolean(query.after && !query.before);
  const fetched = await listAudit(db, { ...filter, limit: pageSize + 1 });
  const more = fetched.length > pageSize;
  const rows = backwards ? fetched.slice(-pageSize) : fetched.slice(0, pageSize);
  const newest = rows[0]?.id;
  const oldest = rows[rows.length - 1]?.id;
  const hasNewer = newest !== undefined && (query.after ? more : (await listAudit(db, { ...filter, before: undefined, after: newest, limit: 1 })).length > 0);
  const hasOlder = oldest !== undefined && (backwards ? (await listAudit(db, { ...filter, after: undefined, before: oldest, limit: 1 })).length > 0 : more);
  const [total, before] = await Promise.all([countAudit(db, filter), newest === undefined || !hasNewer ? 0 : countAudit(db, filter, { newerThan: newest })]);
  return {
    rows,
    newer: hasNewer ? newest : null,
    older: hasOlder ? oldest : null,
    position: { first: rows.length ? before + 1 : 0, last: before + rows.length, total },
  };
}

/** The audit page: the actions to filter by, and the page of `query`; no page when its filters cannot be applied. */
export async function loadAudit(db: Database, query: AuditQuery | null): Promise<{ actions: string[]; page: AuditPage | null }> {
  const actions = await auditActions(db);
  return { actions, page: query ? await auditPage(db, query) : null };
}

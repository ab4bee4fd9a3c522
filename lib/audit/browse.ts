import "server-only";
import type { Database } from "@/lib/db";
import { auditActions, listAudit } from "./store";
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
  return { rows, newer: hasNewer ? newest : null, older: hasOlder ? oldest : null };
}

/** The audit page: the actions to filter by, and the page of `query`; no page when its filters cannot be applied. */
export async function loadAudit(db: Database, query: AuditQuery | null): Promise<{ actions: string[]; page: AuditPage | null }> {
  const actions = await auditActions(db);
  return { actions, page: query ? await auditPage(db, query) : null };
}

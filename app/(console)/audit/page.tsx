import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { CsvExportButton } from "@/components/export/csv-export-button";
import { PageLink } from "@/components/lists/page-link";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { loadAudit } from "@/lib/audit/browse";
import { targetLinks } from "@/lib/audit/targets";
import { auditQuerySchema, filterSearch } from "@/lib/audit/query";
import { requirePermission } from "@/lib/auth/session";
import { database } from "@/lib/db/server";
import { sendbird } from "@/lib/sendbird/server";
import { intro } from "@/components/shell/intros";

export const metadata: Metadata = { title: "Audit trail" };

type Params = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

// GET /audit — the audit trail (admins): filters and page cursor in the URL, CSV export, chain verification.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const raw = Object.fromEntries(["actor", "action", "target", "outcome", "from", "to", "before", "after"].map((k) => [k, first(params[k])]));
  const search = new URLSearchParams(Object.entries(raw).filter(([, v]) => v)).toString();
  await requirePermission("audit.read", search ? `/audit?${search}` : "/audit");
  const parsed = auditQuerySchema.safeParse(raw);
  const { actions, page } = await loadAudit(await database(), parsed.success ? parsed.data : null);
  const values = {
    actor: raw.actor ?? "",
    action: raw.action ?? "",
    target: raw.target ?? "",
    outcome: raw.outcome ?? "",
    from: (raw.from ?? "").slice(0, 16),
    to: (raw.to ?? "").slice(0, 16),
  };

  // items-start: the verify button's result line grows below it and must not push the title down.
  const header = (
    <PageHeader
      className="items-start"
      title="Audit trail"
      {...intro("audit")}
      actions={
        <>
          <VerifyChainButton />
          {parsed.success && <CsvExportButton href={`/api/audit/export${filterSearch(parsed.data)}`} />}
        </>
      }
    />
  );

  if (!parsed.success || !page) {
    const issue = parsed.error?.issues[0];
    return (
      <div className="space-y-6">
        {header}
        <AuditFilters values={values} actions={actions} />
        <Alert variant="destructive">
          <AlertTitle>These filters cannot be applied</AlertTitle>
          <AlertDescription>
            {issue?.path.join(".") || "filter"}: {issue?.message}. Fix the field above or{" "}
            <Link href="/audit" className="underline">
              clear the filters
            </Link>
            .
          </AlertDescription>
        </Alert>
      </div>
    );
  }

  const query = parsed.data;
  const { rows, newer, older } = page;
  const filtered = filterSearch(query) !== "";

  return (
    <div className="space-y-6">
      {header}
      <AuditFilters values={values} actions={actions} />
      {rows.length === 0 ? (
        <p className="rounded-lg border p-8 text-center text-sm text-muted-foreground">
          {filtered ? "No audit rows match these filters. Widen the time range or clear a filter." : "The audit trail is empty."}
        </p>
      ) : (
        <AuditTable rows={rows} links={await targetLinks(await database(), sendbird(), rows)} />
      )}
      <nav aria-label="Audit pages" className="flex items-center justify-between gap-2">
        <span className="text-sm text-muted-foreground">
          {rows.length > 0 &&
            `Rows ${page.position.first.toLocaleString("en")} to ${page.position.last.toLocaleString("en")} of ${page.position.total.toLocaleString("en")}`}
        </span>
        <div className="flex gap-2">
          <PageLink href={newer !== null ? `/audit${filterSearch(query, { after: newer })}` : null} label="Newer" />
          <PageLink href={older !== null ? `/audit${filterSearch(query, { before: older })}` : null} label="Older" />
        </div>
      </nav>
    </div>
  );
}

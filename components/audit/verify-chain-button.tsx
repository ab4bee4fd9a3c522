"use client";

import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { verifyAuditChain } from "@/lib/actions/audit";
import type { ChainReport, VerifyScope } from "@/lib/audit/store";
import { utc } from "@/lib/format";

/**
 * Re-checks the rows added since the last verification (or, on request, every row from the first) and says
 * whether the trail is intact or where it breaks.
 */
export function VerifyChainButton() {
  const [report, setReport] = useState<ChainReport | null>(null);
  const [scope, setScope] = useState<VerifyScope>("new");
  const { run, pending, error } = useAction(verifyAuditChain);
  const verify = (next: VerifyScope) => {
    setScope(next);
    run({ scope: next }, setReport);
  };
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button
          variant="outline"
          disabled={pending}
          pending={pending && scope === "new"}
          pendingLabel="Verifying…"
          onClick={() => verify("new")}
          title="Check the rows added since the last verification"
        >
          <ShieldCheck aria-hidden /> Verify chain
        </Button>
        <Button
          variant="ghost"
          disabled={pending}
          pending={pending && scope === "all"}
          pendingLabel="Verifying…"
          onClick={() => verify("all")}
          title="Re-read every row from the first, not only those since the last verification"
        >
          Verify every row
        </Button>
      </div>
      <p role="status" className="text-xs">
        {error && <span className="text-destructive">{error.message}</span>}
        {!error && report?.intact && (
          <span className="text-success">
            Intact: all {report.rows.toLocaleString()} rows hash and link correctly
            {report.since ? ` (${report.checked.toLocaleString()} read now; the rows before were verified ${utc(report.since.verifiedAt, "minute")}).` : "."}
          </span>
        )}
        {!error && report && !report.intact && (
          <span className="text-destructive">
            Broken at row {report.brokenAt}: {report.reason}. Rows before it are intact.
          </span>
        )}
      </p>
    </div>
  );
}

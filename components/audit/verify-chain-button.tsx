"use client";

import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { verifyAuditChain } from "@/lib/actions/audit";
import type { ChainReport } from "@/lib/audit/store";

/** Re-checks every row's hash and link, and says whether the trail is intact or where it breaks. */
export function VerifyChainButton() {
  const [report, setReport] = useState<ChainReport | null>(null);
  const { run, pending, error } = useAction(verifyAuditChain);
  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="outline" disabled={pending} onClick={() => run({}, setReport)}>
        <ShieldCheck aria-hidden /> {pending ? "Verifying…" : "Verify chain"}
      </Button>
      <p role="status" className="text-xs">
        {error && <span className="text-destructive">{error.message}</span>}
        {!error && report?.intact && <span className="text-success">Intact: all {report.rows.toLocaleString()} rows hash and link correctly.</span>}
        {!error && report && !report.intact && (
          <span className="text-destructive">
            Broken at row {report.brokenAt}: {report.reason}. Rows before it are intact.
          </span>
        )}
      </p>
    </div>
  );
}

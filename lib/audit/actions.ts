import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { verifyChainSchema } from "./schemas";
import { verifyChain } from "./store";
import type { ChainReport } from "./store";

/**
 * Walks the audit chain (the rows since the last verification, or every row) and reports it intact, or the
 * first row that was changed or removed.
 */
export const verifyAuditChain: ActionDefinition<typeof verifyChainSchema, ChainReport> = {
  name: "audit.verify",
  permission: "audit.read",
  input: verifyChainSchema,
  target: () => ({ type: "audit", id: "chain" }),
  run: ({ input, db }) => verifyChain(db, { scope: input.scope }),
  resultDetails: (report) => ({
    intact: report.intact,
    rows: report.rows,
    checked: report.intact ? report.checked : null,
    broken_at: report.intact ? null : report.brokenAt,
  }),
};

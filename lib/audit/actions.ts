import "server-only";
import type { ActionDefinition } from "@/lib/actions/core";
import { verifyChainSchema } from "./schemas";
import { verifyChain } from "./store";
import type { ChainReport } from "./store";

/** Walks every row of the audit chain and reports it intact, or the first row that was changed or removed. */
export const verifyAuditChain: ActionDefinition<typeof verifyChainSchema, ChainReport> = {
  name: "audit.verify",
  permission: "audit.read",
  input: verifyChainSchema,
  target: () => ({ type: "audit", id: "chain" }),
  run: ({ db }) => verifyChain(db),
  resultDetails: (report) => ({ intact: report.intact, rows: report.rows, broken_at: report.intact ? null : report.brokenAt }),
};

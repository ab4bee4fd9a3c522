import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "@/lib/actions/core";
import { verifyChain } from "./index";
import type { ChainReport } from "./index";

export const verifyChainSchema = z.object({}).strict();

/** Walks every row of the audit chain and reports it intact, or the first row that was changed or removed. */
export const verifyChainAction: ActionDefinition<typeof verifyChainSchema, ChainReport> = {
  name: "audit.verify",
  permission: "audit.read",
  input: verifyChainSchema,
  target: () => ({ type: "audit", id: "chain" }),
  run: ({ db }) => verifyChain(db),
  resultDetails: (report) => ({ intact: report.intact, rows: report.rows, broken_at: report.intact ? null : report.brokenAt }),
};

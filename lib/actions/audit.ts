"use server";

import { z } from "zod";
import { verifyChain } from "@/lib/audit";
import { defineAction } from "./define";

// Verify the audit chain: walks every row and reports intact, or the first row that was changed or removed.
export const verifyAuditChain = defineAction({
  name: "audit.verify",
  permission: "audit.read",
  input: z.object({}).strict(),
  target: () => ({ type: "audit", id: "chain" }),
  run: ({ db }) => verifyChain(db),
  resultDetails: (report) => ({ intact: report.intact, rows: report.rows, broken_at: report.intact ? null : report.brokenAt }),
});

"use server";

import * as audit from "@/lib/audit/actions";
import { defineAction } from "./define";

// Verify the audit chain: walks every row and reports intact, or the first row that was changed or removed.
export const verifyAuditChain = defineAction(audit.verifyAuditChain);

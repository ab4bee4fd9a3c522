import { z } from "zod";

/** "Verify the chain" takes nothing: it always walks every row. */
export const verifyChainSchema = z.object({}).strict();

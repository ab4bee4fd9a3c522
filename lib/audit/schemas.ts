import { z } from "zod";

/** "Verify the chain": the rows since the last verification (the default), or every row from the first. */
export const verifyChainSchema = z.object({ scope: z.enum(["new", "all"], { error: 'Choose "new" or "all".' }).default("new") }).strict();

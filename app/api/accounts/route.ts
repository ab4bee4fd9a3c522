import { z } from "zod";
import { accountListing } from "@/lib/accounts/listing";
import { apiRoute } from "@/lib/api/route";
import { database } from "@/lib/db/server";

// GET /api/accounts — the console accounts as JSON (admins), never a password hash.
export const GET = apiRoute({ query: z.object({}).strict(), permission: "accounts.manage" }, async () => ({
  accounts: await accountListing(await database()),
}));

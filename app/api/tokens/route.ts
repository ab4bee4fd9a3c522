import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { sendbird } from "@/lib/sendbird/server";
import { tokenListing } from "@/lib/tokens/listing";

// GET /api/tokens — the application's secondary API tokens, masked to their last 4 characters (admins).
export const GET = apiRoute({ query: z.object({}).strict(), permission: "tokens.manage" }, () => tokenListing(sendbird()));

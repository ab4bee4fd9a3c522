import "server-only";
import { z } from "zod";
import type { RequestMeta } from "@/lib/actions/core";
import { appendAudit } from "@/lib/audit/store";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import type { UserDto } from "@/lib/sendbird/dto";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { SendbirdError } from "@/lib/sendbird/errors";

export const userIdSchema = z
  .string()
  .min(1, "A user id cannot be empty.")
  .max(80, "A user id is at most 80 characters.")
  .refine((v) => v !== "." && v !== "..", '"." and ".." are not user ids.');

/**
 * Reads a user's profile for their case file and records that `viewer` opened it (a sensitive read), with
 * the outcome: a user Sendbird does not know is recorded as a failure with its code.
 */
export async function openCaseFile(client: SendbirdClient, db: Database, viewer: SessionUser, userId: string, meta: RequestMeta): Promise<UserDto> {
  const row = { actorId: viewer.id, actorEmail: viewer.email, action: "user.view_case_file", targetType: "user", targetId: userId, ...meta };
  try {
    const user = await client.users.retrieve(userId);
    await appendAudit(db, { ...row, outcome: "success" });
    return user;
  } catch (err) {
    if (err instanceof SendbirdError) await appendAudit(db, { ...row, outcome: "failure", sendbirdCode: err.code, message: err.message.slice(0, 300) });
    throw err;
  }
}

import "server-only";
import { z } from "zod";
import { appendAudit } from "@/lib/audit/store";
import type { AuditDetails } from "@/lib/audit/store";
import { can } from "@/lib/auth/permissions";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import type { Database } from "@/lib/db";
import { AppError, FieldError, explain, unconfirmed } from "@/lib/errors";
import { issueFields } from "@/lib/fields";
import type { SendbirdClient } from "@/lib/sendbird/client";
import { SendbirdError } from "@/lib/sendbird/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

/** `input` is a full zod or a zod/mini schema: the ones forms also check in the browser are mini. */
export interface ActionDefinition<S extends z.core.$ZodType, T> {
  /** The audit action name, e.g. `account.sign_out_everywhere`. */
  name: string;
  permission: Permission;
  input: S;
  /** Allowed while a one-time password is still pending (only the password change itself). */
  allowPendingPasswordChange?: boolean;
  /** What the action is about, for the audit row. */
  target(input: z.infer<S>, user: SessionUser, db: Database): AuditTarget | Promise<AuditTarget>;
  /** What the result adds to the success row (never a secret), e.g. whether a verified chain held. */
  resultDetails?(data: T): AuditDetails;
  /** The target's id once the work is done, for actions that create it (a new live event's id). */
  resultTargetId?(data: T): string;
  run(ctx: ActionContext & { input: z.infer<S>; user: SessionUser }): Promise<T>;
}

/** What every action is handed: the database and the Sendbird client (the process's, or a test's), and who asked from where. */
export interface ActionContext {
  db: Database;
  sendbird: SendbirdClient;
  meta: RequestMeta;
}

export interface AuditTarget {
  type: string;
  id: string;
  details?: AuditDetails;
}

export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent: string;
}

/**
 * Runs an action through the one gate: a session, the permission, the input parsed with zod, then the
 * work, with an audit row for a refusal, a failure, a change Sendbird never confirmed and a success alike. Bad
 * input changes nothing.
 */
export async function runAction<S extends z.core.$ZodType, T>(
  def: ActionDefinition<S, T>,
  raw: unknown,
  ctx: ActionContext & { user: SessionUser | null },
): Promise<ActionResult<T>> {
  const { user, db, sendbird, meta } = ctx;
  if (!user) return { ok: false, error: { code: "unauthenticated", message: "Your session has ended. Sign in again." } };
  const base = { actorId: user.id, actorEmail: user.email, action: def.name, requestId: meta.requestId, ip: meta.ip, userAgent: meta.userAgent };
  if (!can(user.role, def.permission)) {
    await appendAudit(db, { ...base, outcome: "denied", message: `missing permission ${def.permission}` });
    return { ok: false, error: { code: "forbidden", message: "Your role does not allow this." } };
  }
  if (user.mustChangePassword && !def.allowPendingPasswordChange) {
    return { ok: false, error: { code: "password_change_required", message: "Choose a new password before doing anything else." } };
  }
  const parsed = z.safeParse(def.input, raw);
  if (!parsed.success) {
    return { ok: false, error: { code: "invalid_input", message: "Some fields need attention.", fields: issueFields(parsed.error.issues) } };
  }
  const target = await def.target(parsed.data, user, db);
  const audit = { ...base, targetType: target.type, targetId: target.id, details: target.details ?? {} };
  try {
    const data = await def.run({ input: parsed.data, user, db, sendbird, meta });
    await appendAudit(db, {
      ...audit,
      targetId: def.resultTargetId?.(data) ?? audit.targetId,
      outcome: "success",
      details: { ...audit.details, ...def.resultDetails?.(data) },
    });
    return { ok: true, data };
  } catch (err) {
    const explanation = explain(err);
    await appendAudit(db, {
      ...audit,
      outcome: unconfirmed(err) ? "unknown" : "failure",
      sendbirdCode: err instanceof SendbirdError ? err.code : null,
      message: `${explanation.title}: ${explanation.detail}`,
    });
    if (!(err instanceof AppError) && !(err instanceof SendbirdError)) console.error(err);
    if (err instanceof FieldError) return { ok: false, error: { code: err.code, message: err.message, fields: err.fields } };
    const code = err instanceof AppError ? err.code : unconfirmed(err) ? "unconfirmed" : "failed";
    return { ok: false, error: { code, message: `${explanation.title}. ${explanation.detail}` } };
  }
}

import { z } from "zod";

// Inputs of the token actions. A token is named by its last four characters and creation time, never its value.

const last4Schema = z.string().regex(/^[^\s]{4}$/, "Four characters.");
const tokenRefSchema = { last4: last4Schema, createdAt: z.number().int().min(0).max(8.64e15) };

export const generateTokenSchema = z.object({}).strict();
export const revokeTokenSchema = z.object({ ...tokenRefSchema, confirmation: z.string().max(100) }).strict();
export const startRotationSchema = z.object(tokenRefSchema).strict();
export const rotationStepSchema = z.object({ rotationId: z.uuid("Not a rotation.") }).strict();
/** The last step revokes the old token, so it asks for its last four typed, as Revoke does. */
export const finishRotationSchema = z.object({ rotationId: z.uuid("Not a rotation."), confirmation: z.string().max(100) }).strict();
export const checkRotationSchema = z
  .object({ rotationId: z.uuid("Not a rotation."), token: z.string().trim().min(1, "Paste the new token.").max(200, "That is longer than any token.") })
  .strict();

import { z } from "zod";
import { roles } from "@/lib/auth/roles";
import { isCarriable } from "@/lib/fields";

/** Input of the account forms; shared by the server actions and the forms' own checks. */
export const accountIdSchema = z.uuid("That is not an account id.");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "Use at most 320 characters.")
  .pipe(z.email("Enter an e-mail address like name@example.com."));

const newPassword = z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export const createAccountSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().max(100, "Use at most 100 characters.").refine(isCarriable, "Remove the NUL or broken character.").default(""),
    role: z.enum(roles, "Choose admin, operator or support."),
    /** Empty: the console generates a one-time password and shows it once. */
    password: z.union([z.literal(""), newPassword]).default(""),
  })
  .strict();

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200, "Use at most 200 characters."),
    next: newPassword,
    confirm: z.string().max(200, "Use at most 200 characters."),
  })
  .strict()
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "The two new passwords differ." })
  .refine((v) => v.next !== v.current, { path: ["next"], message: "Choose a password different from the current one." });

/** An action on one account. */
export const byAccountSchema = z.object({ accountId: accountIdSchema }).strict();

/** Changing an account's role. */
export const roleInputSchema = z.object({ accountId: accountIdSchema, role: z.enum(roles, "Choose admin, operator or support.") }).strict();

/** "Sign out everywhere" takes nothing: it is always the signed-in account. */
export const signOutEverywhereSchema = z.object({}).strict();

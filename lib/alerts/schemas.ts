import { z } from "zod";
import { isCarriable } from "@/lib/fields";
import { kinds, ruleKinds } from "./kinds";

// Input of the alert forms and actions. Thresholds arrive as typed (text or numbers) and are checked
// against the bounds of the rule's kind (lib/alerts/kinds.ts), each message on its own field.

const name = (what: string) =>
  z.string().trim().min(1, `Name the ${what}.`).max(80, "Use at most 80 characters.").refine(isCarriable, "Remove the NUL or broken character.");

const wholeNumber = z.union([z.number(), z.string().trim()]).transform((v, ctx) => {
  const n = typeof v === "number" ? v : v === "" ? Number.NaN : Number(v);
  if (!Number.isInteger(n)) {
    ctx.addIssue({ code: "custom", message: "Enter a whole number." });
    return z.NEVER;
  }
  return n;
});

export const ruleIdSchema = z.uuid("That is not a rule id.");
export const channelIdSchema = z.uuid("That is not a channel id.");

const ruleObject = z.object({
  name: name("rule"),
  kind: z.enum(ruleKinds, "Choose what the rule watches."),
  enabled: z.boolean().default(true),
  params: z.record(z.string().max(40), wholeNumber),
  channelIds: z.array(channelIdSchema).max(10, "Choose at most 10 channels.").default([]),
  remindMinutes: wholeNumber.pipe(z.number().min(0, "Use 0 (never) or more minutes.").max(1440, "Remind at most once a day (1440 minutes).")),
});

type RuleShape = z.infer<typeof ruleObject>;

/** Checks each threshold against its kind's bounds, and keeps only the kind's own thresholds. */
function checkParams(v: RuleShape, ctx: z.RefinementCtx): RuleShape {
  const params: Record<string, number> = {};
  for (const spec of kinds[v.kind].params) {
    const value = v.params[spec.name] ?? spec.fallback;
    if (value < spec.min || value > spec.max) {
      ctx.addIssue({ code: "custom", path: ["params", spec.name], message: `Use ${spec.min}–${spec.max.toLocaleString("en-US")} ${spec.unit}.` });
    }
    params[spec.name] = value;
  }
  return { ...v, params };
}

export const createRuleSchema = ruleObject.strict().transform(checkParams);
export const updateRuleSchema = ruleObject
  .extend({ ruleId: ruleIdSchema })
  .strict()
  .transform((v, ctx) => ({ ...checkParams(v, ctx), ruleId: v.ruleId }));
export const byRuleSchema = z.object({ ruleId: ruleIdSchema }).strict();

const url = z.string().trim().max(2000, "Use at most 2,000 characters.");
const emailFields = {
  host: z.string().trim().min(1, "Enter the SMTP server's host name.").max(253, "Use at most 253 characters."),
  port: wholeNumber.pipe(z.number().min(1, "Use a port from 1 to 65535.").max(65535, "Use a port from 1 to 65535.")),
  security: z.enum(["tls", "starttls", "none"], "Choose TLS, STARTTLS or none."),
  username: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  /** Empty on a change: keep the stored password. */
  password: z.string().max(200, "Use at most 200 characters.").default(""),
  from: z.string().trim().max(320, "Use at most 320 characters."),
  /** Addresses separated by commas, spaces or lines. */
  to: z.string().max(4000, "Use at most 4,000 characters."),
};

const channelVariants = <E extends z.ZodRawShape>(extra: E) =>
  z.discriminatedUnion(
    "kind",
    [
      z.object({ kind: z.literal("slack"), name: name("channel"), url, ...extra }).strict(),
      z.object({ kind: z.literal("webhook"), name: name("channel"), url, ...extra }).strict(),
      z.object({ kind: z.literal("email"), name: name("channel"), ...emailFields, ...extra }).strict(),
    ],
    { error: "Choose Slack, webhook or e-mail." },
  );

export const createChannelSchema = channelVariants({});
/** On a change, a Slack address or an SMTP password left empty keeps the stored one. */
export const updateChannelSchema = channelVariants({ channelId: channelIdSchema });
export const byChannelSchema = z.object({ channelId: channelIdSchema }).strict();
export const byAlertSchema = z.object({ alertId: z.uuid("That is not an alert id.") }).strict();

export type CreateChannelInput = z.infer<typeof createChannelSchema>;
export type UpdateChannelInput = z.infer<typeof updateChannelSchema>;

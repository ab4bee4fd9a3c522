import type { z } from "zod";
import { EmulatorError } from "../errors";
import type { Route, RouteContext } from "../router";

/** Parses a control-plane body with zod; failures are a 400 naming the field. */
export async function parse<T extends z.ZodType>(ctx: RouteContext, schema: T): Promise<z.infer<T>> {
  const result = schema.safeParse(await ctx.body());
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new EmulatorError("invalid", `${where}${issue?.message ?? "invalid body"}`);
  }
  return result.data;
}

/** A control-plane route: `template` is under `/__emulator`. */
export const control = (method: string, template: string, handler: Route["handler"]): Route => ({
  host: "control",
  method,
  template: `/__emulator${template}`,
  handler,
});

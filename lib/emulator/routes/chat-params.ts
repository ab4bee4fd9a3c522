import { EmulatorError } from "../errors";
import type { RouteContext } from "../router";

/** The `{user_id}` of a Chat path: at most 80 characters (400305 beyond). */
export function userIdParam(ctx: RouteContext): string {
  const id = ctx.params.user_id ?? "";
  if ([...id].length > 80) throw new EmulatorError("invalid", '"user_id" must be at most 80 characters.', { chatCode: 400305 });
  return id;
}

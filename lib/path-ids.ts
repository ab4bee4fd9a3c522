// Built on zod/mini: the forms check these ids in the browser before an action checks them again.
import * as z from "zod/mini";
import { isCarriable } from "@/lib/fields";
import "@/lib/zod-messages";

/**
 * An id that goes into a Sendbird path: trimmed, 1 to `max` characters, never `.` or `..` (a path step), and
 * never holding a lone surrogate (no URL can carry one) or a NUL (no audit row can keep one as typed).
 */
export function pathIdSchema(what: string, max: number) {
  const article = /^[aeiou]/.test(what) ? "an" : "a";
  const Article = article === "an" ? "An" : "A";
  return z.string().check(
    z.trim(),
    z.minLength(1, `Choose ${article} ${what}.`),
    z.maxLength(max, `${Article} ${what} id is at most ${max} characters.`),
    z.refine((v) => v !== "." && v !== "..", `"." and ".." are not ${what} ids.`),
    z.refine(isCarriable, `${Article} ${what} id cannot hold a NUL or a broken character.`),
  );
}

// Built on zod/mini: the save dialog checks a view's name in the browser before the action checks it again.
import * as z from "zod/mini";
import { isCarriable } from "@/lib/fields";
import "@/lib/zod-messages";

/** The list pages that can save views. */
export const savedViewPages = ["live-events"] as const;
export type SavedViewPage = (typeof savedViewPages)[number];

export const savedViewNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "Name the view."),
    z.maxLength(60, "A view name is at most 60 characters."),
    z.refine(isCarriable, "Remove the NUL or broken character."),
  );

export const createViewSchema = z.strictObject({
  page: z.enum(savedViewPages, "Views can be saved on the live-events list."),
  name: savedViewNameSchema,
  query: z.string().check(z.maxLength(2000, "These filters are too long to save."), z.regex(/^(\?.*)?$/, "A view is a query string starting with “?”.")),
});

export const deleteViewSchema = z.strictObject({ viewId: z.uuid("Choose a saved view.") });

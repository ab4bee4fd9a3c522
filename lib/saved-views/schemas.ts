import { z } from "zod";
import { isCarriable } from "@/lib/fields";

/** The list pages that can save views. */
export const savedViewPages = ["live-events"] as const;
export type SavedViewPage = (typeof savedViewPages)[number];

export const savedViewNameSchema = z
  .string()
  .trim()
  .min(1, "Name the view.")
  .max(60, "A view name is at most 60 characters.")
  .refine(isCarriable, "Remove the NUL or broken character.");

export const createViewSchema = z
  .object({
    page: z.enum(savedViewPages, "Views can be saved on the live-events list."),
    name: savedViewNameSchema,
    query: z
      .string()
      .max(2000, "These filters are too long to save.")
      .regex(/^(\?.*)?$/, "A view is a query string starting with “?”."),
  })
  .strict();

export const deleteViewSchema = z.object({ viewId: z.uuid("Choose a saved view.") }).strict();

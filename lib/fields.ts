import type { z } from "zod";

/** Zod issues as per-field messages (`customItems.2.key`), the first message for each field. */
export function issueFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.join(".") || "input"] ??= issue.message;
  return fields;
}

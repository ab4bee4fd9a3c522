import type { z } from "zod";

/** Zod issues as per-field messages (`customItems.2.key`), the first message for each field. */
export function issueFields(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.join(".") || "input"] ??= issue.message;
  return fields;
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Whether text survives a URL, UTF-8 and Postgres as typed: no NUL and no lone half of a surrogate pair. */
export function isCarriable(text: string): boolean {
  return !text.includes("\u0000") && text.match(loneSurrogate) === null;
}

/** The text with each NUL and lone surrogate replaced by U+FFFD, for rows that must be written whatever arrived. */
export function carriable(text: string): string {
  return text.replaceAll("\u0000", "\ufffd").replace(loneSurrogate, "\ufffd");
}

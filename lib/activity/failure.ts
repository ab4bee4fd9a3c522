import "server-only";
import { explain } from "@/lib/errors";
import { SendbirdError } from "@/lib/sendbird/errors";

/** A background job's failure in the words the console uses everywhere, with Sendbird's status and code for the log. */
export function describeFailure(err: unknown): string {
  const { title, detail } = explain(err);
  if (err instanceof SendbirdError) return `${title} (HTTP ${err.status}${err.code === null ? "" : `, code ${err.code}`}): ${detail}`;
  return err instanceof Error ? `${title}: ${err.message}` : `${title}: ${String(err)}`;
}

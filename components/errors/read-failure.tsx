import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { explain } from "@/lib/errors";
import { SendbirdNotFoundError } from "@/lib/sendbird/errors";

/** A detail page's id that cannot be one (too long, empty): said before anything is asked of Sendbird. */
export function BadId({ what, message }: { what: string; message: string | undefined }) {
  return (
    <div className="space-y-4">
      {/* The span is a block so ::first-letter applies; the text stays as given. */}
      <PageHeader title={<span className="block first-letter:uppercase">{what}</span>} />
      <Alert variant="destructive">
        <AlertTitle>Not a {what} id</AlertTitle>
        <AlertDescription>{message}</AlertDescription>
      </Alert>
    </div>
  );
}

/**
 * A detail page whose read failed: the way back, then what went wrong in plain words. Something Sendbird
 * does not know reads as `missing` (no retry; it would not help), anything else offers a retry.
 */
export function ReadFailure({ title, back, error, missing }: { title: string; back: React.ReactNode; error: unknown; missing: string }) {
  const notFound = error instanceof SendbirdNotFoundError;
  return (
    <div className="space-y-4">
      <PageHeader back={back} title={title} />
      <ErrorState explanation={notFound ? { ...explain(error), detail: missing } : explain(error)} action={notFound ? undefined : <RetryButton />} />
    </div>
  );
}

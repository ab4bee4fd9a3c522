"use client";

import { useEffect } from "react";
import { ErrorState } from "@/components/errors/error-state";
import { RetryButton } from "@/components/errors/retry-button";
import { PageHeader } from "@/components/shell/page-header";

// Failures the page did not turn into its own error state land here, inside the shell.
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="This page could not load" />
      <ErrorState
        explanation={{
          title: "Something went wrong",
          detail: `The page failed while talking to Sendbird or the console's own services. Try again; if it keeps failing, the server log has the details${error.digest ? ` under reference ${error.digest}` : ""}.`,
          code: null,
          host: null,
          retryable: true,
        }}
        action={<RetryButton reset={reset} />}
      />
    </div>
  );
}

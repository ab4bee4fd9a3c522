"use client";

import "./globals.css";

// The last resort when even the root layout fails: plain HTML, no shell.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center p-6 font-sans">
        <main className="max-w-lg space-y-4">
          <h1 className="text-2xl font-semibold">Showrunner could not start this page</h1>
          <p>
            Something failed before the console could draw itself — often a setting that is missing or malformed. The server log names it
            {error.digest ? `; reference ${error.digest}` : ""}.
          </p>
          <button type="button" onClick={reset} className="rounded-md border px-4 py-2 text-sm font-medium">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

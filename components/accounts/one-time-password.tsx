"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A one-time password, shown once with a copy button; it exists nowhere else in readable form. */
export function OneTimePassword({ email, password }: { email: string; password: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <Alert>
        <AlertTitle>Shown once</AlertTitle>
        <AlertDescription>
          Give this one-time password to {email} by a private channel. It will not be shown again; {email} must replace it at first sign-in.
        </AlertDescription>
      </Alert>
      <div className="flex items-center gap-2">
        <output aria-label="One-time password" className="flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-base">
          {password}
        </output>
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard.writeText(password);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

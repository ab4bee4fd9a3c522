"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** A secret shown once with a copy button (a one-time password, a session token); it exists nowhere else in readable form. */
export function ShownOnce({ label, value, children }: { label: string; value: string; children: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3">
      <Alert>
        <AlertTitle>Shown once</AlertTitle>
        <AlertDescription>{children}</AlertDescription>
      </Alert>
      <div className="flex items-center gap-2">
        <output aria-label={label} className="flex-1 rounded-md border bg-muted px-3 py-2 font-mono text-sm break-all">
          {value}
        </output>
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />} {copied ? "Copied" : "Copy"}
        </Button>
      </div>
    </div>
  );
}

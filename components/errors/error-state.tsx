import { AlertTriangle } from "lucide-react";
import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import type { Explanation } from "@/lib/errors";

/** An upstream or console failure in plain words, with Sendbird's code for reference and an optional action. */
export function ErrorState({ explanation, action }: { explanation: Explanation; action?: React.ReactNode }) {
  return (
    <Alert variant="destructive">
      <AlertTriangle aria-hidden />
      <AlertTitle>{explanation.title}</AlertTitle>
      <AlertDescription>
        <p>{explanation.detail}</p>
        {explanation.code !== null && (
          <p className="text-xs opacity-80">
            Sendbird code {explanation.code} from the {explanation.host === "chat" ? "Chat" : "Live & Calls"} API.
          </p>
        )}
        {action && <div className="mt-2">{action}</div>}
      </AlertDescription>
    </Alert>
  );
}

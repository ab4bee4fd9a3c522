"use client";

import { useRouter } from "next/navigation";
import { FormError } from "@/components/forms/field";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { refreshUserActivity } from "@/lib/actions/users";

/** "Refresh this user now": reads the live events not over yet that changed, then redraws the case file. */
export function RefreshActivityButton({ userId }: { userId: string }) {
  const router = useRouter();
  const refresh = useAction(refreshUserActivity);
  return (
    <div className="space-y-1">
      <Button
        variant="outline"
        size="sm"
        pending={refresh.pending}
        pendingLabel="Refreshing…"
        onClick={() =>
          refresh.run({ userId }, ({ events, deferred }) => {
            const read = `Read ${events} live ${events === 1 ? "event" : "events"} that changed and ${events === 1 ? "is" : "are"} not over yet.`;
            const later =
              deferred === 0
                ? ""
                : ` ${deferred} bigger ${deferred === 1 ? "one is" : "ones are"} left to the background sync, which reads ${deferred === 1 ? "it" : "them"} in its next pass.`;
            toast.success(read + later);
            router.refresh();
          })
        }
      >
        Refresh this user now
      </Button>
      <FormError message={refresh.formError()} />
    </div>
  );
}

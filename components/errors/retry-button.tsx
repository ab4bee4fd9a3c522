"use client";

import { RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/** Re-runs the page's server work; `reset` also clears an error boundary. */
export function RetryButton({ reset, label = "Try again" }: { reset?: () => void; label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="outline"
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(() => {
          router.refresh();
          reset?.();
        })
      }
    >
      <RotateCw className={pending ? "animate-spin" : undefined} aria-hidden />
      {pending ? "Checking…" : label}
    </Button>
  );
}

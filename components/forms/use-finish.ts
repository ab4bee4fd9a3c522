"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toaster";

/** After a change made in a dialog: say what happened, close the dialog, and re-read the page's server data. */
export function useFinish(close: () => void): (message: string) => void {
  const router = useRouter();
  return (message) => {
    toast.success(message);
    close();
    router.refresh();
  };
}

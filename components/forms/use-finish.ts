"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toaster";

/**
 * After a change made in a dialog: say what happened, close the dialog, mark the tab's queries stale (those
 * on screen, such as an event's audience and hosts, read again at once) and re-read the page's server data.
 */
export function useFinish(close: () => void): (message: string) => void {
  const router = useRouter();
  const client = useQueryClient();
  return (message) => {
    toast.success(message);
    close();
    void client.invalidateQueries();
    router.refresh();
  };
}

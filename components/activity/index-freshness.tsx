import Link from "next/link";
import type { SyncStatus } from "@/lib/activity/status";
import { utc } from "@/lib/format";

/** One sentence on how fresh the activity index is, for pages that read it. */
export function indexFreshness(status: SyncStatus): string {
  const last = status.last
    ? `its last full pass finished ${utc(status.last.finishedAt, "minute")} UTC`
    : "no full pass has finished yet, so some events may be missing";
  const pass =
    status.pass && status.state === "crawling"
      ? `; a pass is under way and has reached events created ${status.pass.reachedBack === null ? "just now" : `${utc(status.pass.reachedBack, "minute")} UTC`}`
      : status.pass && status.state === "paused"
        ? "; a pass stopped part-way and resumes when the sync runs again"
        : "";
  const off = status.state === "off" ? " The background sync is off (SHOWRUNNER_SYNC_INTERVAL_S=0)." : "";
  return `Hosted and watched events come from the activity index (live events created in the last ${status.windowDays} days): ${last}${pass}.${off}`;
}

export function IndexFreshness({ status }: { status: SyncStatus }) {
  return (
    <p className="text-xs text-muted-foreground">
      {indexFreshness(status)} {status.lastError && <span className="text-destructive">Last problem: {status.lastError.message} </span>}
      <Link href="/sync" className="underline">
        Sync status
      </Link>
    </p>
  );
}

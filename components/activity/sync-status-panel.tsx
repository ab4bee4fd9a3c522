import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Facts } from "@/components/ui/facts";
import { Section } from "@/components/ui/section";
import type { SyncStartProblem } from "@/lib/activity/start-state";
import type { SyncStatus } from "@/lib/activity/status";
import { duration, utc } from "@/lib/format";

const stateText: Record<SyncStatus["state"], { label: string; variant: "secondary" | "outline" | "destructive" }> = {
  crawling: { label: "Crawling", variant: "secondary" },
  idle: { label: "Up to date", variant: "outline" },
  paused: { label: "Stopped part-way", variant: "destructive" },
  off: { label: "Off", variant: "outline" },
  never: { label: "Not run yet", variant: "outline" },
};

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * The activity sync's progress, last run and last problem, as stored in the database every instance shares,
 * and, first, why this instance's own sync has not started when it has not.
 */
export function SyncStatusPanel({ status, readAt, startProblem }: { status: SyncStatus; readAt: number; startProblem: SyncStartProblem | null }) {
  const state = stateText[status.state];
  const { pass, last } = status;
  return (
    <div className="space-y-6">
      {startProblem && (
        <Alert variant="destructive">
          <AlertTitle>This instance’s sync has not started</AlertTitle>
          <AlertDescription>
            {startProblem.message} Attempt {startProblem.attempts} failed at {utc(startProblem.at, "clock")} UTC; it tries again on its own at{" "}
            {utc(startProblem.retryAt, "clock")} UTC.
          </AlertDescription>
        </Alert>
      )}
      <Section
        title="Current pass"
        description={`Walks live events created in the last ${status.windowDays} days, newest first, and records who hosted and who watched each; an ended event is read once. ${
          status.state === "off" ? "Turned off by SHOWRUNNER_SYNC_INTERVAL_S=0." : `A new pass starts ${status.intervalS} s after the last one finished.`
        }`}
        extra={
          <p className="flex items-center gap-2 text-sm">
            State: <Badge variant={state.variant}>{state.label}</Badge>
          </p>
        }
      >
        {pass ? (
          <>
            <div className="space-y-1">
              <label htmlFor="sync-progress" className="text-sm">
                {pass.reachedBack === null ? "Starting at the newest event" : `Reached events created ${utc(pass.reachedBack, "minute")} UTC`} ·{" "}
                {Math.round(pass.progress * 100)} % of the window
              </label>
              <progress id="sync-progress" className="h-2 w-full accent-primary" max={100} value={Math.round(pass.progress * 100)} />
            </div>
            <Facts
              label="Current pass"
              rows={[
                ["Started", `${utc(pass.startedAt)} UTC`],
                ["Window starts", `${utc(pass.windowStart, "minute")} UTC`],
                ["Events", `${count(pass.eventsSeen, "seen", "seen")}, ${count(pass.eventsCrawled, "read in full", "read in full")}`],
                ["Sessions recorded", pass.entriesRecorded.toLocaleString("en-US")],
                ["Running on", pass.instance || "—"],
                ["Last progress", pass.heartbeatAt === null ? "—" : `${utc(pass.heartbeatAt)} UTC`],
              ]}
            />
            {status.state === "paused" && (
              <p className="text-sm text-muted-foreground">
                No instance has reported progress for two minutes: the console that ran this pass stopped. The next console to start resumes it where it
                stopped.
              </p>
            )}
          </>
        ) : (
          <p className="text-sm text-muted-foreground">{status.state === "never" ? "No pass has started yet." : "No pass is under way."}</p>
        )}
      </Section>
      {status.lastError && (
        <Alert variant="destructive">
          <AlertTitle>Last problem, {utc(status.lastError.at)} UTC</AlertTitle>
          <AlertDescription>{status.lastError.message} The sync tries again on its own and resumes where it stopped.</AlertDescription>
        </Alert>
      )}
      <Section title="Last finished pass">
        {last ? (
          <Facts
            label="Last finished pass"
            rows={[
              ["Finished", `${utc(last.finishedAt)} UTC`],
              ["Took", last.startedAt === null ? "—" : duration(Math.max(0, last.finishedAt - last.startedAt))],
              ["Events", `${count(last.eventsSeen, "seen", "seen")}, ${count(last.eventsCrawled, "read in full", "read in full")}`],
              ["Sessions recorded", last.entriesRecorded.toLocaleString("en-US")],
            ]}
          />
        ) : (
          <p className="text-sm text-muted-foreground">No pass has finished yet: case files may miss events the sync has not reached.</p>
        )}
      </Section>
      {status.size && (
        <Section title="Index">
          <Facts
            label="Index"
            rows={[
              ["Live events", `${status.size.events.toLocaleString("en-US")} (${status.size.finalEvents.toLocaleString("en-US")} ended, never read again)`],
              [
                "Host and participant sessions",
                status.size.entriesEstimated ? `about ${status.size.entries.toLocaleString("en-US")}` : status.size.entries.toLocaleString("en-US"),
              ],
            ]}
          />
        </Section>
      )}
      <p className="text-xs text-muted-foreground">Read from the console&apos;s database at {utc(readAt, "clock")} UTC; this page updates every 5 s.</p>
    </div>
  );
}

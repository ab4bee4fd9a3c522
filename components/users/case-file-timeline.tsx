import Link from "next/link";
import { EndResult } from "@/components/calls/end-result";
import { FilterActions, FilterInput, allValues, firstValue } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { Badge } from "@/components/ui/badge";
import { duration, utc } from "@/lib/format";
import { callPath, liveEventPath } from "@/lib/paths";
import type { TimelineEntry } from "@/lib/users/timeline";
import { caseFileKinds } from "@/lib/users/timeline-query";
import { UserLink } from "./user-link";

const kindLabels: Record<(typeof caseFileKinds)[number], string> = {
  hosted: "Events hosted",
  watched: "Events watched",
  calls: "Direct calls",
  changes: "Changes by console staff",
};

/** The timeline's filters as a GET form on the case file's own address. */
export function CaseFileFilters({ action, values }: { action: string; values: FilterValues }) {
  const kinds = allValues(values.kind);
  return (
    <form method="get" action={action} aria-label="Filter the timeline" className="flex flex-wrap items-end gap-3">
      <FilterInput id="from" label="From (UTC)" type="date" defaultValue={firstValue(values.from)} className="w-44" />
      <FilterInput id="to" label="To (UTC)" type="date" defaultValue={firstValue(values.to)} className="w-44" />
      <fieldset className="flex items-center gap-4 pb-2">
        <legend className="sr-only">Kinds</legend>
        {caseFileKinds.map((k) => (
          <label key={k} className="flex items-center gap-1.5 text-sm">
            <input type="checkbox" name="kind" value={k} defaultChecked={kinds.includes(k)} className="size-4 accent-primary" />
            {kindLabels[k]}
          </label>
        ))}
      </fieldset>
      <FilterActions clearHref={action} />
    </form>
  );
}

function CallLine({ e }: { e: Extract<TimelineEntry, { kind: "call" }> }) {
  return (
    <>
      <p>
        <span className="font-medium">{e.isVideo ? "Video call" : "Voice call"}</span> {e.role === "caller" ? "to" : e.role === "callee" ? "from" : "with"}{" "}
        {e.other ? (
          <UserLink userId={e.other.userId} className="underline">
            {e.other.nickname || e.other.userId}
          </UserLink>
        ) : (
          "someone"
        )}
        {e.durationMs !== null && e.durationMs > 0 && ` · ${duration(e.durationMs)}`}
      </p>
      <p className="text-muted-foreground">
        <EndResult result={e.endResult} />
        {e.endedBy && ` · ended by ${e.endedBy}`} ·{" "}
        <Link href={callPath(e.callId)} className="font-mono text-xs hover:underline" aria-label={`Call ${e.callId}`}>
          {e.callId}
        </Link>
      </p>
    </>
  );
}

/** How long a session lasted: Sendbird's duration, or the span between entering and leaving. */
function sessionLength(e: Extract<TimelineEntry, { kind: "hosted" | "watched" }>): number | null {
  if (e.durationMs !== null && e.durationMs > 0) return e.durationMs;
  if (e.enteredAt !== null && e.exitedAt !== null && e.exitedAt > e.enteredAt) return e.exitedAt - e.enteredAt;
  return null;
}

function SessionLine({ e }: { e: Extract<TimelineEntry, { kind: "hosted" | "watched" }> }) {
  const length = sessionLength(e);
  const times: string[] = [];
  if (e.enteredAt !== null) times.push(`entered ${utc(e.enteredAt, "clock")}`);
  if (e.kind === "hosted" && e.connectedAt !== null) times.push(`connected ${utc(e.connectedAt, "clock")}`);
  if (e.exitedAt !== null) times.push(`exited ${utc(e.exitedAt, "clock")}`);
  else if (e.eventState !== "ended") times.push(e.kind === "hosted" ? "still hosting when last read" : "still watching when last read");
  return (
    <>
      <p>
        <span className="font-medium">{e.kind === "hosted" ? "Hosted" : "Watched"}</span>{" "}
        <Link href={liveEventPath(e.liveEventId)} className="underline">
          {e.title || "Untitled live event"}
        </Link>
        {length !== null && ` · ${duration(length)}`}
      </p>
      <p className="text-muted-foreground">
        {times.join(" · ")} UTC · event {e.eventState} · read from Sendbird {utc(e.seenAt, "minute")} UTC
      </p>
    </>
  );
}

function ChangeLine({ e }: { e: Extract<TimelineEntry, { kind: "change" }> }) {
  return (
    <>
      <p>
        <span className="font-medium">{e.action}</span>
        {e.subject !== null && (
          <>
            {" "}
            <code className="font-mono text-xs">{e.subject}</code>
          </>
        )}{" "}
        by {e.actorEmail} <Badge variant={e.outcome === "success" ? "secondary" : "destructive"}>{e.outcome}</Badge>
      </p>
      {e.message && <p className="text-muted-foreground">{e.message}</p>}
    </>
  );
}

const entryKey = (e: TimelineEntry) =>
  e.kind === "call" ? `call-${e.callId}` : e.kind === "change" ? `change-${e.id}` : `${e.kind}-${e.liveEventId}-${e.sessionId}`;

/** One user's story, newest first: events hosted and watched, calls, and what console staff changed. */
export function CaseFileEntries({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">Nothing in this range.</p>;
  return (
    <ol aria-label="Case file timeline" className="space-y-3 text-sm">
      {entries.map((e) => (
        <li key={entryKey(e)} className="grid grid-cols-[9.5rem_1fr] gap-3 border-l-2 pl-3">
          <time dateTime={new Date(e.at).toISOString()} className="font-mono text-xs text-muted-foreground">
            {utc(e.at, "minute")}
          </time>
          <div>{e.kind === "call" ? <CallLine e={e} /> : e.kind === "change" ? <ChangeLine e={e} /> : <SessionLine e={e} />}</div>
        </li>
      ))}
    </ol>
  );
}

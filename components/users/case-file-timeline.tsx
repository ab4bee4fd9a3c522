import Link from "next/link";
import { EndResult } from "@/components/calls/end-result";
import { FilterActions, FilterField, NativeSelect, allValues, firstValue, viewKey } from "@/components/forms/filter-form";
import type { FilterValues } from "@/components/forms/filter-form";
import { Badge } from "@/components/ui/badge";
import { duration, utc } from "@/lib/format";
import { callPath, liveEventPath } from "@/lib/paths";
import type { TimelineEntry } from "@/lib/users/timeline";
import { listSearch } from "@/lib/url-params";
import { caseFileKinds } from "@/lib/users/timeline-query";
import type { CaseFilePreset, CaseFileQuery } from "@/lib/users/timeline-query";
import { CustomRangeInputs } from "./custom-range-inputs";
import { UserLink } from "./user-link";

const kindLabels: Record<(typeof caseFileKinds)[number], string> = {
  hosted: "Events hosted",
  watched: "Events watched",
  calls: "Direct calls",
  changes: "Changes by console staff",
};

const presetLabels: Record<CaseFilePreset, string> = { "1h": "Last hour", "24h": "24 hours", "7d": "7 days", "30d": "30 days" };

/** A time as a `datetime-local` input holds it, in UTC: `2026-11-25T14:30`. */
const inputTime = (ms: number | undefined) => (ms === undefined ? "" : new Date(ms).toISOString().slice(0, 16));

/**
 * The timeline's window and kinds: presets as one-click links, then a GET form on the case file's own address
 * for the kinds and a custom range to the minute (UTC, the viewer's local time beside it).
 */
export function CaseFileFilters({ action, values, query }: { action: string; values: FilterValues; query: CaseFileQuery | null }) {
  const kinds = allValues(values.kind);
  const active = query ? (query.range ?? "all") : null;
  const presets: [string, string, string][] = [
    ...(Object.keys(presetLabels) as CaseFilePreset[]).map((p): [string, string, string] => [
      p,
      presetLabels[p],
      `${action}${listSearch(["kind"], values, { range: p })}`,
    ]),
    ["all", "All time", `${action}${listSearch(["kind"], values)}`],
  ];
  const custom = query?.range === "custom";
  return (
    <div className="space-y-3">
      <nav aria-label="Time window" className="flex flex-wrap gap-1 rounded-lg border bg-muted/40 p-1 text-sm w-fit">
        {presets.map(([key, label, href]) => (
          <Link
            key={key}
            href={href}
            aria-current={active === key ? "true" : undefined}
            className="rounded-md px-3 py-1 text-muted-foreground hover:text-foreground aria-[current]:bg-background aria-[current]:font-medium aria-[current]:text-foreground aria-[current]:shadow-xs"
          >
            {label}
          </Link>
        ))}
      </nav>
      <form key={viewKey(values)} method="get" action={action} aria-label="Filter the timeline" className="flex flex-wrap items-start gap-3">
        <FilterField id="range" label="Window">
          <NativeSelect id="range" name="range" defaultValue={query?.range ?? firstValue(values.range)} className="w-40">
            <option value="">All time</option>
            {(Object.keys(presetLabels) as CaseFilePreset[]).map((p) => (
              <option key={p} value={p}>
                {p === "1h" ? presetLabels[p] : `Last ${presetLabels[p]}`}
              </option>
            ))}
            <option value="custom">Custom range</option>
          </NativeSelect>
        </FilterField>
        <CustomRangeInputs from={custom ? inputTime(query.from) : ""} to={custom ? inputTime(query.to) : ""} />
        <div className="flex basis-full flex-wrap items-center gap-x-4 gap-y-2">
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <legend className="sr-only">Kinds</legend>
            {caseFileKinds.map((k) => (
              <label key={k} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" name="kind" value={k} defaultChecked={kinds.includes(k)} className="size-4 accent-primary" />
                {kindLabels[k]}
              </label>
            ))}
          </fieldset>
          <FilterActions clearHref={action} />
        </div>
      </form>
    </div>
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
        {e.endedBy && (e.endResult === "connection_lost" ? ` · ${e.endedBy}'s connection dropped` : ` · ended by ${e.endedBy}`)} ·{" "}
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

/** The element id of an entry, for links straight to it (`#entry-…`); any character of an id is kept, escaped. */
export const entryAnchor = (e: TimelineEntry) => `entry-${encodeURIComponent(entryKey(e))}`;

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** Entries (newest first) in runs of one UTC day each. */
function byDay(entries: TimelineEntry[]): { day: string; entries: TimelineEntry[] }[] {
  const days: { day: string; entries: TimelineEntry[] }[] = [];
  for (const e of entries) {
    const day = new Date(e.at).toISOString().slice(0, 10);
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(e);
    else days.push({ day, entries: [e] });
  }
  return days;
}

/**
 * One user's story, newest first, under a header per UTC day: events hosted and watched, calls, and what
 * console staff changed. Each entry's time links to it; the linked one is highlighted.
 */
export function CaseFileEntries({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">Nothing in this window.</p>;
  return (
    <div aria-label="Case file timeline" role="region" className="space-y-5">
      {byDay(entries).map(({ day, entries }) => (
        <section key={day} aria-labelledby={`day-${day}`} className="space-y-2">
          <h3 id={`day-${day}`} className="sticky top-14 z-10 bg-card/95 py-1 text-xs font-medium uppercase tracking-wide text-muted-foreground backdrop-blur">
            {dayFormat.format(Date.parse(day))} <span className="font-normal normal-case">(UTC)</span>
          </h3>
          <ol className="space-y-1 text-sm">
            {entries.map((e) => {
              const anchor = entryAnchor(e);
              return (
                <li
                  key={anchor}
                  id={anchor}
                  className="grid scroll-mt-28 grid-cols-[3rem_minmax(0,1fr)] gap-3 rounded-md border-l-2 py-1.5 pl-3 target:border-primary target:bg-accent/60"
                >
                  <a
                    href={`#${anchor}`}
                    aria-label={`${utc(e.at, "minute")} UTC: link to this entry`}
                    className="self-start font-mono text-xs text-muted-foreground hover:text-foreground hover:underline"
                  >
                    <time dateTime={new Date(e.at).toISOString()}>{utc(e.at, "clock").slice(0, 5)}</time>
                  </a>
                  <div className="[overflow-wrap:anywhere]">
                    {e.kind === "call" ? <CallLine e={e} /> : e.kind === "change" ? <ChangeLine e={e} /> : <SessionLine e={e} />}
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

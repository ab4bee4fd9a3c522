import { LocalTime } from "@/components/ui/local-time";
import { duration, utc } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { CaseFileSummary } from "@/lib/users/summary";
import type { TimelineEntry } from "@/lib/users/timeline";
import type { CaseFileQuery } from "@/lib/users/timeline-query";
import { entryAnchor } from "./case-file-timeline";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One entry in a few words, for the summary's "latest". */
function inWords(e: TimelineEntry): string {
  switch (e.kind) {
    case "call":
      return `${e.isVideo ? "Video" : "Voice"} call ${e.role === "caller" ? "to" : "from"} ${e.other ? e.other.nickname || e.other.userId : "someone"}`;
    case "hosted":
      return `Hosted “${e.title || "Untitled live event"}”`;
    case "watched":
      return `Watched “${e.title || "Untitled live event"}”`;
    case "change":
      return `${e.action} by ${e.actorEmail}`;
  }
}

/** The window a case file shows, in words: a preset, a custom range (UTC, with the viewer's time), or all. */
export function WindowInWords({ query }: { query: CaseFileQuery }) {
  const { range, from, to } = query;
  if (range === undefined) return <>all the time the sources hold</>;
  const label = { "1h": "the last hour", "24h": "the last 24 hours", "7d": "the last 7 days", "30d": "the last 30 days", custom: null }[range];
  return (
    <>
      {label ? `${label}, ` : ""}
      {from !== undefined ? `${utc(from, "minute")}` : "the start"} to {to !== undefined ? `${utc(to, "minute")}` : "now"} UTC
      {from !== undefined && <LocalTime ms={from} prefix=" · your time from " />}
    </>
  );
}

function Tile({ label, value, detail, tone, small }: { label: string; value: string; detail?: React.ReactNode; tone?: "bad"; small?: boolean }) {
  return (
    <div className="rounded-lg border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd>
        <span className={cn("font-semibold", small ? "text-sm" : "text-lg", tone === "bad" && "text-destructive")}>{value}</span>
        {detail && <span className="mt-0.5 block text-xs text-muted-foreground">{detail}</span>}
      </dd>
    </div>
  );
}

/** The case file's window at a glance: events watched and hosted, calls by end result (bad first), staff changes, latest activity. */
export function CaseFileSummaryTiles({ summary, truncated }: { summary: CaseFileSummary; truncated: { calls: boolean; activity: boolean } }) {
  const { watched, hosted, calls, callCount, changes, latest } = summary;
  const atLeast = (n: number, cut: boolean) => (cut ? `${n}+` : String(n));
  const bad = calls.filter((c) => c.bad).reduce((n, c) => n + c.count, 0);
  return (
    <dl aria-label="Summary of the window" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
      <Tile
        label="Events watched"
        value={atLeast(watched.events, truncated.activity)}
        detail={watched.sessions > 0 ? `${duration(watched.minutes * 60_000)} in ${plural(watched.sessions, "session")}` : "none"}
      />
      <Tile
        label="Events hosted"
        value={atLeast(hosted.events, truncated.activity)}
        detail={hosted.sessions > 0 ? `${duration(hosted.minutes * 60_000)} on stage` : "none"}
      />
      <Tile
        label="Direct calls"
        value={atLeast(callCount, truncated.calls)}
        tone={bad > 0 ? "bad" : undefined}
        detail={calls.length > 0 ? calls.map((c) => `${c.count} ${c.label}`).join(" · ") : "none"}
      />
      <Tile
        label="Staff changes"
        value={String(changes.count)}
        detail={changes.failed > 0 ? `${changes.failed} failed` : changes.count > 0 ? "all succeeded" : "none"}
      />
      <Tile
        label="Latest activity"
        small
        value={latest ? `${utc(latest.at, "minute")} UTC` : "—"}
        detail={
          latest ? (
            <a href={`#${entryAnchor(latest)}`} className="underline">
              {inWords(latest)}
            </a>
          ) : (
            "nothing in this window"
          )
        }
      />
    </dl>
  );
}

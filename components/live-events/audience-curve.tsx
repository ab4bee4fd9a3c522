import { LineChart } from "@/components/charts/line-chart";
import type { AudienceSample } from "@/lib/activity/samples";
import type { LiveEventDto } from "@/lib/sendbird/dto";

const number = (n: number) => n.toLocaleString("en");

/** Readings further apart than this were not taken in one stretch: three intervals, or three typical spacings once thinned out. */
function gapMs(samples: AudienceSample[], intervalS: number): number {
  const spacings = samples
    .slice(1)
    .map((s, i) => s.at - (samples[i]?.at ?? s.at))
    .sort((a, b) => a - b);
  const typical = spacings[Math.floor(spacings.length / 2)] ?? 0;
  return 3 * Math.max(intervalS * 1000, typical);
}

/** Why there is no curve, in the event's own terms. */
function emptyReason(event: Pick<LiveEventDto, "state" | "startedAt" | "endedAt">, count: number, intervalS: number): string {
  const sampling =
    intervalS > 0
      ? `the console samples the audience every ${intervalS} s while an event is on air`
      : "audience sampling is off (SHOWRUNNER_SAMPLE_INTERVAL_S is 0), so only visits to this page while an event is on air add samples";
  if (event.state === "created" || event.state === "ready") return `No samples yet: this event has not started, and ${sampling}.`;
  if (event.state !== "ended") {
    const soon = intervalS > 0 ? `, so the curve appears within ${intervalS} s` : "";
    return `${count === 0 ? "No samples yet" : "Only one sample so far"}: ${sampling}${soon}.`;
  }
  const onAirMs = event.startedAt !== null && event.endedAt !== null ? event.endedAt - event.startedAt : null;
  if (intervalS > 0 && onAirMs !== null && onAirMs < intervalS * 1000)
    return `${count === 0 ? "No samples" : "Only one sample"}: this event was on air for less than one sampling interval (${intervalS} s).`;
  const taken =
    count === 0 ? "No samples were taken while this event was on air" : "Only one sample was taken while this event was on air, too few for a curve";
  if (intervalS === 0) return `${taken}; audience sampling is off now (SHOWRUNNER_SAMPLE_INTERVAL_S is 0).`;
  return count === 0
    ? `No samples: ${sampling}; it was not running while this one was.`
    : `${taken}: ${sampling}, and it was not running for most of this one.`;
}

/**
 * How many watched at once over the event, from the console's own samples, with Sendbird's peak as a
 * line (it can fall between samples). Without enough samples it says why instead of drawing nothing.
 */
export function AudienceCurve({
  samples: all,
  event,
  intervalS,
}: {
  /** Null when the samples could not be read. */
  samples: AudienceSample[] | null;
  event: Pick<LiveEventDto, "state" | "startedAt" | "endedAt" | "peakParticipantCount" | "cumulativeParticipantCount">;
  /** The sampler's interval in seconds; 0 when it is off. */
  intervalS: number;
}) {
  // The curve covers the event on air: from its start (never before), to its end once it has ended.
  const samples = all?.filter((s) => (event.startedAt === null || s.at >= event.startedAt) && (event.endedAt === null || s.at <= event.endedAt)) ?? null;
  const joined = `${number(event.cumulativeParticipantCount)} ${event.cumulativeParticipantCount === 1 ? "person" : "people"} joined in total.`;
  if (samples === null) {
    return (
      <p className="mt-4 text-sm text-muted-foreground">
        The audience samples could not be read from the console&apos;s database; the counts above come from Sendbird.
      </p>
    );
  }
  if (samples.length < 2) {
    return <p className="mt-4 text-sm text-muted-foreground">{emptyReason(event, samples.length, intervalS)}</p>;
  }
  const peak = event.peakParticipantCount;
  const gap = gapMs(samples, intervalS);
  const gaps = samples.some((s, i) => i > 0 && s.at - (samples[i - 1]?.at ?? s.at) > gap);
  return (
    <div className="mt-4 space-y-2">
      <LineChart
        title="People watching"
        valueLabel="Watching"
        points={samples.map((s) => ({ at: s.at, value: s.participantCount }))}
        markers={peak > 0 ? [{ value: peak, label: "Peak (Sendbird)" }] : []}
        gapMs={gap}
        span={{ from: event.startedAt ?? undefined, to: event.endedAt ?? undefined }}
      />
      <p className="text-xs text-muted-foreground">
        People watching at once, from the console&apos;s samples{intervalS > 0 ? ` (every ${intervalS} s while on air)` : ""}
        {gaps ? "; breaks in the line are stretches without samples." : "."}
        {peak > 0 && ` The dashed line is Sendbird's peak, ${number(peak)}, which can fall between samples.`} {joined}
      </p>
    </div>
  );
}

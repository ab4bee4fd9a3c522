/** How a direct call ended, in plain words, with the label Sendbird's dashboard shows beside it. */
export interface EndResultText {
  plain: string;
  dashboard: string;
  /** Ended badly: the call was cut off or never connected for a reason nobody chose. */
  bad: boolean;
}

const endResults: Partial<Record<string, EndResultText>> = {
  completed: { plain: "Completed: both sides talked and one hung up", dashboard: "completed", bad: false },
  canceled: { plain: "Canceled: the caller hung up before an answer", dashboard: "canceled", bad: false },
  declined: { plain: "Declined by the callee", dashboard: "declined", bad: false },
  connection_lost: { plain: "Dropped: the connection was lost during the call", dashboard: "dropped", bad: true },
  no_answer: { plain: "Missed: the callee did not answer", dashboard: "missed", bad: false },
  timed_out: { plain: "Timed out: the call could not be set up in time", dashboard: "timed out", bad: true },
  late_answer: { plain: "Answered too late: the call had already ended", dashboard: "late answer", bad: false },
  unknown: { plain: "Ended for a reason Sendbird does not know", dashboard: "interrupted", bad: true },
} satisfies Record<EndResult, EndResultText>;

/** Every end result Sendbird documents, in the order filters offer them. */
export const endResultValues = ["completed", "canceled", "declined", "no_answer", "connection_lost", "timed_out", "late_answer", "unknown"] as const;
export type EndResult = (typeof endResultValues)[number];

/** The words for an end result; one Sendbird adds later is shown as it is rather than hidden. */
export function endResultText(result: string | null): EndResultText {
  if (result === null) return { plain: "Not ended yet", dashboard: "—", bad: false };
  return endResults[result] ?? { plain: `Ended: ${result}`, dashboard: result, bad: false };
}

/** How a direct call ended, in plain words, with the label Sendbird's dashboard shows beside it. */
export interface EndResultText {
  plain: string;
  dashboard: string;
  /** Ended badly: the call was cut off or never connected for a reason nobody chose. */
  bad: boolean;
  /** What happened, for someone reading one call: who did what, and what to look at. */
  meaning: string;
}

const endResults: Partial<Record<string, EndResultText>> = {
  completed: {
    plain: "Completed: both sides talked and one hung up",
    dashboard: "completed",
    bad: false,
    meaning: "The callee answered, they talked, and one of them hung up. Nothing went wrong.",
  },
  canceled: {
    plain: "Canceled: the caller hung up before an answer",
    dashboard: "canceled",
    bad: false,
    meaning: "The caller hung up while it was still ringing, before anyone answered.",
  },
  declined: { plain: "Declined by the callee", dashboard: "declined", bad: false, meaning: "The callee saw the call and turned it down." },
  connection_lost: {
    plain: "Dropped: the connection was lost during the call",
    dashboard: "dropped",
    bad: true,
    meaning: "The call was connected, then one side's network dropped and Sendbird ended it. If it keeps happening to the same user, look at their network.",
  },
  no_answer: {
    plain: "Missed: the callee did not answer",
    dashboard: "missed",
    bad: false,
    meaning: "It rang until Sendbird gave up; the callee never answered.",
  },
  timed_out: {
    plain: "Timed out: the call could not be set up in time",
    dashboard: "timed out",
    bad: true,
    meaning: "The two sides could not connect in time, so there was never any sound. Often a network or firewall that blocks calls.",
  },
  late_answer: {
    plain: "Answered too late: the call had already ended",
    dashboard: "late answer",
    bad: false,
    meaning: "The callee answered after the call had already ended on the caller's side.",
  },
  unknown: {
    plain: "Ended for a reason Sendbird does not know",
    dashboard: "interrupted",
    bad: true,
    meaning: "Sendbird could not tell why the call ended, for example when an app closed or crashed mid-call.",
  },
} satisfies Record<EndResult, EndResultText>;

/** Every end result Sendbird documents, in the order filters offer them. */
export const endResultValues = ["completed", "canceled", "declined", "no_answer", "connection_lost", "timed_out", "late_answer", "unknown"] as const;
export type EndResult = (typeof endResultValues)[number];

/**
 * The end results Sendbird's call lists filter by. `late_answer` is known from older documentation only:
 * a call that reports it still reads in words, but the lists refuse it as a filter, so none is offered.
 */
export const endResultFilters = endResultValues.filter((r): r is Exclude<EndResult, "late_answer"> => r !== "late_answer");

/** The words for an end result; one Sendbird adds later is shown as it is rather than hidden. */
export function endResultText(result: string | null): EndResultText {
  if (result === null)
    return { plain: "Not ended yet", dashboard: "—", bad: false, meaning: "The call has not ended yet, or Sendbird has not said how it ended." };
  return (
    endResults[result] ?? {
      plain: `Ended: ${result}`,
      dashboard: result,
      bad: false,
      meaning: `Sendbird reports "${result}", an end result this console does not know yet.`,
    }
  );
}

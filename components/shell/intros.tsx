import type * as React from "react";
import { overviewDays } from "@/lib/overview-window";

/**
 * Each page's one line of introduction, and the longer explanation that opens behind its "?". The page and
 * its loading skeleton both read the line from here, so the skeleton's text is the page's.
 */
const intros = {
  overview: {
    line: "What is on air now, the events by state, and whether Sendbird answers this console.",
  },
  liveEvents: {
    line: "Every event of the application, newest first.",
    help: [
      "The filters live in the address: share it to share the view.",
      "Title search uses the console's activity index, since Sendbird's list cannot search titles.",
    ],
  },
  users: {
    line: "The application's users, from Sendbird's Chat API.",
    help: [
      "Open a user for their case file: what they hosted, watched and called, and what console staff changed.",
      "Opening a case file is recorded in the audit trail.",
    ],
  },
  calls: {
    line: "Direct calls, newest first.",
    help: [
      "Sendbird lists every call by end result, one point in time and duration, and one user's calls by end result, role and time range.",
      "Name a user to list their calls as caller or callee; More filters holds the rest.",
    ],
  },
  rooms: { line: "Group-call rooms, newest first." },
  callsOverview: {
    line: `How direct calls ended over the last ${overviewDays} days.`,
    help: ["Sendbird's list gives no totals: the console counts each call once and keeps the counts, reading only the calls started since."],
  },
  audit: {
    line: "Every change, sign-in and sensitive read. Times are UTC.",
    help: [
      "The trail is append-only and hash-chained: each row holds the hash of the one before, so a changed or deleted row breaks the chain, and Verify chain finds where.",
    ],
  },
  sync: {
    line: "The background pass that keeps the activity index for case files.",
    help: [
      "Sendbird cannot say which live events a user hosted or watched, so the console keeps an activity index of its own.",
      "This is its background sync, shared by every console instance on this database.",
    ],
  },
  onAir: { line: "Every live event on air right now, most watched first, with what needs attention." },
} satisfies Record<string, { line: string; help?: string[] }>;

export type IntroKey = keyof typeof intros;

/** A page's one line. */
export const introLine = (key: IntroKey): string => intros[key].line;

/** A page header's introduction: `description` and, where there is more to say, `help`. */
export function intro(key: IntroKey): { description: string; help?: { id: string; label: string; content: React.ReactNode } } {
  const entry: { line: string; help?: string[] } = intros[key];
  if (!entry.help) return { description: entry.line };
  return {
    description: entry.line,
    help: {
      id: `help-${key}`,
      label: "More about this page",
      content: entry.help.map((p) => <p key={p}>{p}</p>),
    },
  };
}

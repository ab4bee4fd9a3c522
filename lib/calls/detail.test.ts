import { describe, expect, test } from "vitest";
import { callDuration, callTimeline, droppedText, endedByText, partyName } from "./detail";

const ann = { userId: "u-1", nickname: "Ann", profileUrl: "" };
const bo = { userId: "u-2", nickname: "", profileUrl: "" };
const call = {
  caller: ann,
  callee: bo,
  startedBy: "u-1",
  startedAt: 1_000,
  endedAt: 61_000,
  endedBy: "u-2" as string | null,
  state: "ended" as string | null,
};

describe("a party of a call", () => {
  test("is named by their part, with the nickname when there is one", () => {
    expect(partyName(call, "u-1")).toBe("the caller, Ann (u-1)");
    expect(partyName(call, "u-2")).toBe("the callee, u-2");
  });

  test("is shown as it is when neither party, and as nothing when there is no id", () => {
    expect(partyName(call, "u-9")).toBe("u-9");
    expect(partyName(call, null)).toBe("");
    expect(partyName(call, "")).toBe("");
    expect(partyName({ caller: null, callee: null }, "u-1")).toBe("u-1");
  });
});

describe("who ended a call", () => {
  test("says the call has not ended yet, with its state when known", () => {
    expect(endedByText({ ...call, endedAt: null, endedBy: null, state: "connected" })).toBe("Not ended yet (connected)");
    expect(endedByText({ ...call, endedAt: null, endedBy: null, state: null })).toBe("Not ended yet");
  });

  test("names the caller or the callee who hung up", () => {
    expect(endedByText({ ...call, endedBy: "u-1" })).toBe("the caller, Ann (u-1)");
    expect(endedByText({ ...call, endedBy: "u-2" })).toBe("the callee, u-2");
  });

  test("says Sendbird ended it when no user did", () => {
    expect(endedByText({ ...call, endedBy: "" })).toBe("Sendbird, not a user");
    expect(endedByText({ ...call, endedBy: null })).toBe("Sendbird, not a user");
  });
});

describe("a call's timeline", () => {
  test("lists when it started and ended, and by whom", () => {
    expect(callTimeline(call)).toEqual([
      { label: "Started", at: 1_000, by: "the caller, Ann (u-1)" },
      { label: "Ended", at: 61_000, by: "the callee, u-2" },
    ]);
  });

  test("leaves the end blank while the call goes on, and credits Sendbird for an end no user chose", () => {
    expect(callTimeline({ ...call, endedAt: null, endedBy: null, state: "connected" })).toEqual([
      { label: "Started", at: 1_000, by: "the caller, Ann (u-1)" },
      { label: "Ended", at: null, by: "" },
    ]);
    expect(callTimeline({ ...call, endedBy: "" })[1]).toEqual({ label: "Ended", at: 61_000, by: "Sendbird, not a user" });
  });
});

describe("a call's duration", () => {
  test("reads as talk time, still going, never connected, or not reported", () => {
    expect(callDuration({ durationMs: 95_000, endedAt: 1 })).toBe("1 min");
    expect(callDuration({ durationMs: null, endedAt: null })).toBe("Still going");
    expect(callDuration({ durationMs: 0, endedAt: 1 })).toBe("0 s: never connected");
    expect(callDuration({ durationMs: null, endedAt: 1 })).toBe("Not reported by Sendbird");
  });
});

describe("a dropped call", () => {
  test("says whose connection dropped when Sendbird names one of the two, and that it does not say otherwise", () => {
    const dropped = { ...call, endResult: "connection_lost" as string | null };
    expect(droppedText({ ...dropped, endedBy: "u-1" })).toBe("The connection of the caller, Ann (u-1) dropped: Sendbird records that side as ending the call.");
    expect(droppedText({ ...dropped, endedBy: null })).toBe("Sendbird does not say whose connection dropped.");
    expect(droppedText({ ...dropped, endedBy: "u-9" })).toBe("Sendbird does not say whose connection dropped.");
    expect(droppedText({ ...dropped, endResult: "completed" })).toBeNull();
  });
});

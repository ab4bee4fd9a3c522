import { describe, expect, test } from "vitest";
import { checkDocumented, documentedRows, documentedTables } from "./documented-fields-check";

const user = { user_id: "mia", nickname: "Mia", profile_url: "", metadata: { team: "events" }, is_active: true, role: null };
const participant = {
  participant_id: "p1",
  live_event_id: "e1",
  client_id: "c1",
  state: "entered",
  entered_at: 1_700_000_000_000,
  exited_at: null,
  duration: 0,
  user,
};

describe("checkDocumented", () => {
  test("accepts a participant that has every documented field", () => {
    expect(checkDocumented(participant, "participant")).toEqual([]);
  });

  test.each([
    [
      "a renamed field",
      { ...participant, participant_id: undefined, participantId: "p1" },
      ["$.participantId: a participant has no such field", "$.participant_id: missing, and every participant has it"],
    ],
    [
      "a string where the table has an integer",
      { ...participant, entered_at: "1700000000000" },
      ['$.entered_at: expected integer, got string "1700000000000"'],
    ],
    ["a fraction where the table has an integer", { ...participant, duration: 1.5 }, ["$.duration: expected integer, got number 1.5"]],
    ["null where the row is not nullable", { ...participant, duration: null }, ["$.duration: expected integer, got null"]],
    ["a value the sources do not list", { ...participant, state: "left" }, ['$.state: "left" is not one of entered, exited']],
    ["a mistyped field of a nested user", { ...participant, user: { ...user, is_active: "yes" } }, ['$.user.is_active: expected boolean, got string "yes"']],
    [
      "a metadata value that is not a string",
      { ...participant, user: { ...user, metadata: { team: 1 } } },
      ["$.user.metadata.team: expected string, got number 1"],
    ],
    ["a list where the table has an object", { ...participant, user: [user] }, ["$.user: expected an object (embeddedUser), got an array"]],
  ])("reports %s with its path", (_name, value, mismatches) => {
    // JSON has no undefined: a key set to undefined stands for a key that is not there.
    expect(checkDocumented(JSON.parse(JSON.stringify(value)), "participant")).toEqual(mismatches);
  });

  test("checks every item of a list against its table", () => {
    const page = { participants: [participant, { ...participant, client_id: 7 }], prev: null, next: "t" };
    expect(checkDocumented(page, "participantList")).toEqual(["$.participants[1].client_id: expected string, got number 7"]);
    expect(checkDocumented({ ...page, participants: {} }, "participantList")).toEqual(["$.participants: expected a list of participant, got an object"]);
  });

  test("lets a nullable row be null and an optional row be left out", () => {
    expect(checkDocumented({ host: null }, "hostEnvelope")).toEqual([]);
    expect(checkDocumented({}, "hostEnvelope")).toEqual(["$.host: missing, and every hostEnvelope has it"]);
  });

  test("records the rows and listed values it met", () => {
    const seen = new Set<string>();
    checkDocumented({ participants: [participant], prev: null, next: null }, "participantList", seen);
    expect(seen).toContain("participant.user");
    expect(seen).toContain("embeddedUser.role");
    expect(seen).toContain("participant.state=entered");
    expect(seen).not.toContain("participant.state=exited");
  });
});

describe("the documented tables", () => {
  test("name a doc page by URL for doc rows, and a repository file and version for SDK rows", () => {
    for (const { table, row } of documentedRows()) {
      const where = `${table}.${row.field}`;
      if (row.evidence === "sdk") expect(row.source, where).toMatch(/^sendbird\/[\w-]+ [\w.]+\.js \(v\d+\.\d+\.\d+\)$/);
      else expect(row.source, where).toMatch(/^https:\/\/[\w.-]+\/[\w./-]+$/);
    }
  });

  test("say why for every row that no doc page shows", () => {
    const unexplained = documentedRows().filter(({ row }) => row.evidence === "emulator" && !row.note);
    expect(unexplained).toEqual([]);
  });

  test("list each field once per table", () => {
    for (const [name, { fields }] of Object.entries(documentedTables)) {
      const names = fields.map((f) => f.field);
      expect(new Set(names).size, name).toBe(names.length);
    }
  });
});

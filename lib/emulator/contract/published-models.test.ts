import { describe, expect, test } from "vitest";
import { publishedExceptions } from "./published-exceptions";
import { checkModel, publishedModel } from "./published-models";

const user = { user_id: "mia", nickname: "Mia", is_active: true, created_at: 1, discovery_keys: ["a"], metadata: { team: "x" } };

describe("checkModel", () => {
  test("accepts a user that has only fields of the published SendBirdUser", () => {
    expect(checkModel(user, "SendBirdUser")).toEqual({ mismatches: [], used: [] });
  });

  test.each([
    ["a field the model lacks", { ...user, favourite_colour: "red" }, "$.favourite_colour: SendBirdUser has no such field"],
    ["a string where the model has a number", { ...user, created_at: "1" }, '$.created_at: expected number, got string "1"'],
    ["null where the model has a string", { ...user, nickname: null }, "$.nickname: expected string, got null"],
    ["an array item of the wrong type", { ...user, discovery_keys: ["a", 2] }, "$.discovery_keys[1]: expected string, got number 2"],
  ])("reports %s with its path", (_name, value, mismatch) => {
    expect(checkModel(value, "SendBirdUser").mismatches).toEqual([mismatch]);
  });

  test("follows arrays of nested models", () => {
    const page = { users: [user, { ...user, is_online: "no" }], next: "" };
    expect(checkModel(page, "ListUsersResponse").mismatches).toEqual(['$.users[1].is_online: expected boolean, got string "no"']);
  });

  test("checks every value of a string map", () => {
    expect(checkModel({ a: "1", b: 2 }, "{ [key: string]: string; }").mismatches).toEqual(["$.b: expected string, got number 2"]);
  });

  test("lets `any` hold anything and `void` only nothing or {}", () => {
    expect(checkModel({ session_tokens: [{ any: 1 }] }, "SendBirdUser").mismatches).toEqual([]);
    expect(checkModel({}, "void").mismatches).toEqual([]);
    expect(checkModel(undefined, "void").mismatches).toEqual([]);
    expect(checkModel({ ok: true }, "void").mismatches).toEqual(["$: expected an empty body or {}, got an object"]);
  });

  test("applies an exception only when given, and says that it was needed", () => {
    const counted = { ...user, unread_message_count: 0 };
    expect(checkModel(counted, "SendBirdUser").mismatches).toEqual(["$.unread_message_count: SendBirdUser has no such field"]);
    const allowed = [publishedExceptions.unreadMessageCount];
    expect(checkModel(counted, "SendBirdUser", allowed)).toEqual({ mismatches: [], used: allowed });
    expect(checkModel({ ...user, unread_message_count: "0" }, "SendBirdUser", allowed).mismatches).toHaveLength(1);
  });

  test("reads a whole body through a `*` exception instead of the model", () => {
    const flat = [publishedExceptions.createdMetadataIsFlat];
    expect(checkModel({ team: "x" }, "CreateUserMetadataResponse").mismatches).toEqual(["$.team: CreateUserMetadataResponse has no such field"]);
    expect(checkModel({ team: "x" }, "CreateUserMetadataResponse", flat).mismatches).toEqual([]);
    expect(checkModel({ team: 1 }, "CreateUserMetadataResponse", flat).mismatches).toEqual(["$.team: expected string, got number 1"]);
  });

  test("refuses a type that is not a published model", () => {
    expect(checkModel({}, "NoSuchModel").mismatches).toEqual(['$: "NoSuchModel" is not a published model']);
    expect(publishedModel("UserApi")).toBeUndefined();
  });
});

import { describe, expect, test } from "vitest";
import { ConsoleAnswerError, errorMessageOf, readAnswer } from "./answers";

describe("reading the console's answers in the browser", () => {
  test.each([
    [{ error: { code: "x", message: "Plain words." } }, "Plain words."],
    [{ error: { message: 42 } }, null],
    [{ error: "flat" }, null],
    [{ rows: [] }, null],
    [null, null],
    ["text", null],
  ])("finds the message in %j", (body, message) => {
    expect(errorMessageOf(body)).toBe(message);
  });

  test("answers the body of a success", async () => {
    expect(await readAnswer<{ rows: number[] }>(Response.json({ rows: [1] }), () => "no")).toEqual({ rows: [1] });
  });

  test("throws the console's message on a failure, or the fallback when there is none", async () => {
    await expect(readAnswer(Response.json({ error: { code: "busy", message: "Try later." } }, { status: 429 }), () => "no")).rejects.toEqual(
      new ConsoleAnswerError("Try later.", 429),
    );
    await expect(readAnswer(new Response("<html>", { status: 502 }), (s) => `HTTP ${s}`)).rejects.toThrow("HTTP 502");
  });
});

import { expect, test } from "vitest";
import { lockKeys } from "./locks";

test("every job has its own advisory lock number", () => {
  const numbers = Object.values(lockKeys);
  expect(new Set(numbers).size).toBe(numbers.length);
});

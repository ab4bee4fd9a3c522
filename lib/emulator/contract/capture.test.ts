import { afterEach, beforeEach, expect, test } from "vitest";
import { startTestEmulator } from "../testing/harness";
import type { TestEmulator } from "../testing/harness";
import { startCapture } from "./capture";
import type { Capture } from "./capture";

let t: TestEmulator;
let capture: Capture;
beforeEach(async () => {
  t = await startTestEmulator();
  capture = await startCapture(t.running.origin);
});
afterEach(async () => {
  await capture.close();
  await t.close();
});

test("passes a request through and records the exact bytes of both sides, once", async () => {
  const body = '{"user_id":"mia","nickname":"Mia","profile_url":""}';
  const res = await fetch(`${capture.origin}/v3/users?x=1`, { method: "POST", headers: { "api-token": t.master, "content-type": "application/json" }, body });
  const text = await res.text();

  const [exchange, ...rest] = capture.take();
  expect(rest).toEqual([]);
  expect(exchange).toMatchObject({ method: "POST", url: "/v3/users?x=1", requestBody: body, status: res.status, body: text });
  expect(exchange?.json).toEqual(JSON.parse(text));
  expect(exchange?.contentType).toBe(res.headers.get("content-type"));
  expect(capture.take()).toEqual([]);
});

test("passes an error answer through unchanged", async () => {
  const res = await fetch(`${capture.origin}/v3/users/nobody`, { headers: { "api-token": t.master } });
  expect(res.status).toBe(400);
  expect(capture.take()[0]).toMatchObject({ status: 400, json: { error: true, code: 400201 } });
});

// Runs after every other spec (the "secrets" project depends on "chromium"): no API token reached a browser
// outside the one-time display of a new token, and none is in the client bundle.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { defaultMasterToken } from "../lib/emulator/emulator";
import { expect, test } from "./fixtures";
import type { RecordedResponse } from "./fixtures";
import { emulator } from "./requests";
import { responsesDir } from "./servers";

function recorded(): RecordedResponse[] {
  return readdirSync(responsesDir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) =>
      readFileSync(join(responsesDir, f), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as RecordedResponse),
    );
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test.describe("secrets", () => {
  test("no token reached a browser except once, in the answer to the action that made it", async ({ request }) => {
    const { tokens } = await emulator<{ tokens: string[] }>(request, "GET", "/__emulator/api-tokens/issued");
    const responses = recorded();
    // The run must have recorded something, or the scan proves nothing.
    expect(responses.length).toBeGreaterThan(200);
    const generated = responses.filter((r) => r.action && tokens.some((t) => r.body.includes(t)));
    expect(generated.length, "the one-time displays of the tokens the e2e run made").toBeGreaterThan(0);
    for (const token of [defaultMasterToken, ...tokens]) {
      const holding = responses.filter((r) => r.body.includes(token));
      const label = `…${token.slice(-4)}`;
      expect(holding.filter((r) => !r.action).map((r) => r.url), `pages and handlers answering with ${label}`).toEqual([]);
      expect(holding.length, `server-action answers holding ${label}`).toBeLessThanOrEqual(1);
    }
  });

  test("the client bundle holds no token", async ({ request }) => {
    const { tokens } = await emulator<{ tokens: string[] }>(request, "GET", "/__emulator/api-tokens/issued");
    const bundle = files(".next/static").filter((f) => /\.(js|css|json|html|txt)$/.test(f));
    expect(bundle.length).toBeGreaterThan(10);
    for (const file of bundle) {
      const text = readFileSync(file, "utf8");
      for (const token of [defaultMasterToken, ...tokens]) expect(text.includes(token), `${file} holds …${token.slice(-4)}`).toBe(false);
    }
  });
});

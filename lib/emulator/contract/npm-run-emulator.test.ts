// As a newcomer would: start `npm run emulator`, copy the Chat URL and token from its banner, use Sendbird's client.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { defaultMasterToken } from "../emulator";
import { seedSizes } from "../seed/seed";
import { contractWith } from "./contract";
import { typescriptError, typescriptSdk } from "./typescript-sdk";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}

/** Everything the process prints until its banner is complete (it ends with the `Try: curl` line). */
function banner(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      if (out.includes("Try: curl")) resolve(out);
    });
    child.stderr?.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}) before its banner:\n${out}`)));
  });
}

function line(text: string, label: string): string {
  const value = new RegExp(`${label}\\s+(\\S+)`).exec(text)?.[1];
  expect(value, `the banner shows "${label}"`).toBeDefined();
  return value ?? "";
}

test("lists the seeded users of `npm run emulator` with the TypeScript client and views one", async () => {
  const port = await freePort();
  const { EMULATOR_MASTER_TOKEN: _token, EMULATOR_PORT: _port, ...env } = process.env;
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, ["scripts/emulator.ts", "--port", String(port), "--size", "small"], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stop = async () => {};
  try {
    const text = await banner(child);
    const chat = line(text, "Chat API");
    const master = line(text, "Master API token");
    expect({ chat, master }).toEqual({ chat: `http://127.0.0.1:${port}/v3`, master: defaultMasterToken });

    // The client's paths already start with /v3, so it is given the origin of the banner's Chat URL.
    const c = await contractWith(new URL(chat).origin, master, typescriptError);
    stop = c.close;
    const { users } = typescriptSdk(c.origin);
    const ids: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.call("ListUsersResponse", () => users.listUsers(master, token, 10, "all"));
      ids.push(...(page.users ?? []).map((u) => u.userId ?? ""));
      token = page.next || undefined;
    } while (token);
    expect(new Set(ids).size).toBe(seedSizes.small.users);

    const someone = ids[7] ?? "";
    expect(await c.call("SendBirdUser", () => users.viewUserById(master, someone))).toMatchObject({ userId: someone });
  } finally {
    await stop();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  }
});

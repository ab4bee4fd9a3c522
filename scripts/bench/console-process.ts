// The bench's console processes and browser: start a production console with its own emulator and data
// directory, wait for it, stop it, and sign the demo admin in.
import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import type { Browser, BrowserContext } from "@playwright/test";

export async function waitFor(url: string, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * Starts the production console in emulator mode on the given ports, with its own emulator and data directory
 * (a new one unless given); `stdout: "pipe"` hands its banner to the caller.
 */
export function startConsole(
  port: number,
  emulatorAt: number,
  env: Record<string, string>,
  options: { dataDir?: string; stdout?: "ignore" | "pipe" } = {},
): ChildProcess {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "bench-"));
  return spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    stdio: ["ignore", options.stdout ?? "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), EMULATOR_PORT: String(emulatorAt), DATA_DIR: dataDir, ...env },
  });
}

/** Stops a console (and its emulator) and waits until it is gone, so the next one measures alone. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
    args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu"],
  });
}

/** Signs the demo admin in through the form and returns the signed-in context's state. */
export async function signIn(browser: Browser, base: string): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  const signedIn = await browser.newContext();
  const page = await signedIn.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill("admin@showrunner.local");
  await page.getByLabel("Password").fill("showrunner-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("heading", { name: "Connection" }).waitFor({ timeout: 30_000 });
  const state = await signedIn.storageState();
  await signedIn.close();
  return state;
}

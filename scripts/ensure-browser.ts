// Makes a Chromium available to the e2e tests: Debian's /usr/bin/chromium when present; on Debian as
// root, installs the chromium package; otherwise Playwright's own browser.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const debianChromium = "/usr/bin/chromium";

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

if (existsSync(debianChromium)) {
  process.exit(0);
}
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (existsSync("/etc/debian_version") && isRoot) {
  console.log("ensure-browser: installing Debian's chromium package…");
  run("apt-get", ["update", "-qq"]);
  run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
  if (existsSync(debianChromium)) process.exit(0);
  console.error("ensure-browser: apt-get finished but /usr/bin/chromium is still missing.");
  process.exit(1);
}
console.log("ensure-browser: installing Playwright's Chromium…");
run("npx", ["playwright", "install", "chromium"]);

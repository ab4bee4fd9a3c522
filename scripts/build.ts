// `npm run build`, and what `npm start` runs when the sources changed: Next's build, then the bundle the
// container image holds and `npm start` runs (`.next/standalone`: the traced server files, the static
// files, and scripts/serve.ts as its `server.js`), then the digest of the sources it was made from.
import { spawn } from "node:child_process";
import { cpSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build as bundle } from "esbuild";
import { recordBuild, sourceDigest } from "./lib/build-state";

/** Where the bundle is, relative to the project. */
export const bundleDir = join(".next", "standalone");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.once("exit", (code) => done(code ?? 1));
  });
}

/** Builds the console in `root`; throws with the reason when it fails. */
export async function buildConsole(root: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // The digest is taken before the build, so a source changed while it runs makes the next start build again.
  const digest = sourceDigest(root);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const code = await run(process.execPath, [nextBin, "build"], { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  if (code !== 0) throw new Error(`the build failed (exit code ${code}).`);
  await assemble(root);
  recordBuild(root, digest);
}

/** Completes Next's standalone output into the bundle the server runs from. */
export async function assemble(root: string): Promise<void> {
  const out = join(root, bundleDir);
  // What Next leaves for a CDN, served by the console itself here.
  cpSync(join(root, "public"), join(out, "public"), { recursive: true });
  cpSync(join(root, ".next", "static"), join(out, ".next", "static"), { recursive: true });
  // Next copies .env and .env.production in: a bundle carries no settings (the environment, or the files
  // where the server is started, give them).
  for (const entry of readdirSync(out)) if (entry.startsWith(".env")) rmSync(join(out, entry));
  await bundle({
    entryPoints: [join(root, "scripts", "serve.ts")],
    outfile: join(out, "server.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Next stays the bundle's own copy (traced into its node_modules), which the app's pages run on.
    external: ["next", "next/*"],
    conditions: ["react-server"],
    tsconfig: join(root, "tsconfig.json"),
    // Bundled CommonJS (@next/env, prom-client) still calls require for Node's modules and reads __dirname.
    banner: {
      js: [
        'import { createRequire as showrunnerRequire } from "node:module";',
        'import { fileURLToPath as showrunnerPath } from "node:url";',
        "const require = showrunnerRequire(import.meta.url);",
        "const __filename = showrunnerPath(import.meta.url);",
        'const __dirname = showrunnerPath(new URL(".", import.meta.url));',
      ].join(" "),
    },
    logLevel: "warning",
    legalComments: "none",
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await buildConsole(process.cwd());
  } catch (err) {
    console.error(`showrunner: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

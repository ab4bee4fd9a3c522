import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadSettingsFiles } from "./env-files";

const keys = ["SHOWRUNNER_FILES_A", "SHOWRUNNER_FILES_B", "SHOWRUNNER_FILES_C"] as const;
const env = process.env as Record<string, string | undefined>;
const nodeEnv = env.NODE_ENV;

afterEach(() => {
  for (const key of keys) Reflect.deleteProperty(process.env, key);
  env.NODE_ENV = nodeEnv;
});

describe("loadSettingsFiles", () => {
  test("reads the files next start reads, .env.local over .env, and the environment over both", () => {
    const dir = mkdtempSync(join(tmpdir(), "env-files-"));
    writeFileSync(join(dir, ".env"), "SHOWRUNNER_FILES_A=from .env\nSHOWRUNNER_FILES_B=from .env\nSHOWRUNNER_FILES_C=from .env\n");
    writeFileSync(join(dir, ".env.local"), "SHOWRUNNER_FILES_A=from .env.local\nSHOWRUNNER_FILES_C=from .env.local\n");
    process.env.SHOWRUNNER_FILES_C = "from the environment";
    // As `npm start` runs: a production server, which reads .env.local (a test run does not).
    env.NODE_ENV = "production";
    expect(loadSettingsFiles(dir).map((p) => basename(p))).toEqual([".env.local", ".env"]);
    expect(process.env.SHOWRUNNER_FILES_A).toBe("from .env.local");
    expect(process.env.SHOWRUNNER_FILES_B).toBe("from .env");
    expect(process.env.SHOWRUNNER_FILES_C).toBe("from the environment");
  });

  test("reads nothing and changes nothing where there are no files", () => {
    env.NODE_ENV = "production";
    expect(loadSettingsFiles(mkdtempSync(join(tmpdir(), "env-files-")))).toEqual([]);
    expect(process.env.SHOWRUNNER_FILES_A).toBeUndefined();
  });
});

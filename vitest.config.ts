import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Tests run outside React's server environment; the marker has nothing to check there.
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx"],
    globalSetup: ["scripts/test/postgres.ts"],
    environment: "node",
    testTimeout: 20_000,
    pool: "forks",
    // The console's own log lines (a Sendbird call retried, a sync failure a test provokes) would bury the
    // report; tests that check them collect them (lib/observability/log.ts, configureLog).
    env: { LOG_LEVEL: "error", LOG_FORMAT: "text" },
  },
});

import { defineConfig } from "vitest/config";
import { alias } from "./vitest.config";

// Browser tests: one production build and one server for the whole run (tests/e2e/global-setup.ts),
// driven by Debian's Chromium. Files run one after another: the machine may have two cores,
// and one browser plus one server is what it can carry without flaky timeouts.
export default defineConfig({
  resolve: { alias },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});

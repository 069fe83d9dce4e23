import path from "node:path";
import { defineConfig } from "vitest/config";

export const alias = {
  "~": path.resolve(import.meta.dirname, "app"),
  "#db": path.resolve(import.meta.dirname, "db"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"],
    setupFiles: ["tests/setup/env.ts"],
    // Builds the app once per run for the tests that start the real server.
    globalSetup: ["tests/setup/build.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

// Three projects: fast in-process tests beside the code, end-to-end tests that drive
// real processes (chain node, indexer, app) one file at a time, and the chaos suite (faults,
// reorgs, hostile input, gate rush; CHAOS_PROFILE=fast|full, see test/chaos/chaos-profile.ts).
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,indexer,scripts,app}/**/*.test.{ts,tsx}", "test/unit/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "chaos",
          include: ["test/chaos/**/*.test.ts"],
          testTimeout: 1_200_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

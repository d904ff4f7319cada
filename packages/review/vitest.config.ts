import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Worker threads start cheaper than processes; the tests' own processes
    // (the review program, Prism, Chromium) are children either way.
    pool: "threads",
    // Prism and Chromium start slowly on a busy two-core machine: the limits
    // only stop a hung process, the tests wait on what they see.
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});

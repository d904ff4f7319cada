import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Worker threads start cheaper than processes, and without isolation a
    // thread imports the spec and mock modules once for all its files; no
    // test changes module state. The tests' own processes (the review
    // program, Prism, Chromium) are children either way.
    pool: "threads",
    isolate: false,
    // Prism and Chromium start slowly on a busy two-core machine: the limits
    // only stop a hung process, the tests wait on what they see.
    testTimeout: 90_000,
    hookTimeout: 120_000,
  },
});

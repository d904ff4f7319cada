import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Worker threads sharing one module graph: each file would otherwise start a
    // process and load the spec, api-smart-diff and Redocly's core again (two
    // of the run's eleven CPU-s). No test changes module state.
    pool: "threads",
    isolate: false,
    // These tests drive real processes (git, node, Redocly) on a
    // two-core machine shared with the rest of `pnpm test`: a slow start is
    // not a failure. The limits only stop a hung process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // These tests drive real processes (git, node, Redocly) on a
    // two-core machine shared with the rest of `pnpm test`: a slow start is
    // not a failure. The limits only stop a hung process.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

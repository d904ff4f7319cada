import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The tests run git and built commands on a two-core machine shared with
    // the rest of `pnpm test`: the limits only stop a hung process.
    testTimeout: 30_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One mock (`pnpm mock`) for every file that needs one: Prism costs seconds of CPU to start.
    globalSetup: ["test/setup/pnpm-mock.global.ts"],
    // The files share one worker and its imports: each is light, and starting workers is not.
    pool: "threads",
    isolate: false,
    fileParallelism: false,
    // Prism takes a few seconds to start (or to give up) on a busy 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

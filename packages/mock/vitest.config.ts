import { defineConfig } from "vitest/config";

export default defineConfig({
  // Prism takes a few seconds to start (or to give up) on a busy 2-core machine.
  test: { testTimeout: 30_000, hookTimeout: 30_000 },
});

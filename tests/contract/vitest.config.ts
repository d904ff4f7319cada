import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/prism.global.ts"],
    // Properties send a few hundred requests each through Prism.
    testTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/prism.global.ts"],
    // Worker threads sharing one module graph: each file would otherwise load the
    // client, the spec and ajv again, which costs more than most of its tests.
    pool: "threads",
    isolate: false,
    // Properties send a few hundred requests each through Prism.
    testTimeout: 60_000,
  },
});

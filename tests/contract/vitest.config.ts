import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/prism.global.ts"],
    // Worker threads sharing one module graph: each file would otherwise load the
    // client, the spec and ajv again, which costs more than most of its tests.
    pool: "threads",
    isolate: false,
    // A property sends fifty requests through Prism, slow on a loaded machine.
    testTimeout: 60_000,
  },
});

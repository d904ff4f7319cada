import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // CI runs it on its own (check:provider-mode, vitest.provider-mode.config.ts): its
    // own vitest and two Prisms would cost as much again as the rest of the suite.
    exclude: [...configDefaults.exclude, "test/provider-mode.test.ts"],
    globalSetup: ["test/setup/prism.global.ts"],
    // Worker threads sharing one module graph: each file would otherwise load the
    // client, the spec and ajv again, which costs more than most of its tests.
    pool: "threads",
    isolate: false,
    // A property sends fifty requests through Prism, slow on a loaded machine.
    testTimeout: 60_000,
  },
});

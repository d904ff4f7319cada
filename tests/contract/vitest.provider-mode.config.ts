import { defineConfig } from "vitest/config";

// check:provider-mode: the provider-mode test alone. It needs none of the suite's global
// Prism: the run it spawns starts its own.
export default defineConfig({
  test: { include: ["test/provider-mode.test.ts"] },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One module graph for all files: the spec is parsed and the client loaded
    // once, not per file (isolation cost twice the tests' own CPU time). Each
    // file starts its own loopback servers and restores what it changes.
    isolate: false,
  },
});

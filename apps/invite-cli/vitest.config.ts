import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The crash, throttling and lock tests start real processes and servers; in CI they
    // share two cores with Chromium and Prism. The limits only catch a hung test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The files share a worker's module graph rather than each loading it again: no test
    // keeps state in a module another file reads, and loading is most of their cost.
    // Workers stay processes (the default pool), so a test may set process.umask.
    isolate: false,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The crash, throttling and lock tests start real processes and servers; in CI they
    // share two cores with Chromium and Prism. The limits only catch a hung test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

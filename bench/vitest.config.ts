import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Two light files: a worker thread sharing one module graph starts cheaper
    // than a process per file. No test changes module state.
    pool: "threads",
    isolate: false,
  },
});

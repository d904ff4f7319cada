import { defineConfig } from "tsdown";

export default defineConfig({
  // The server and the peak-RSS probe run in other processes: entries of their own.
  entry: {
    main: "src/main.ts",
    "server-main": "src/server/server-main.ts",
    "peak-rss": "src/probe/peak-rss.ts",
  },
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  fixedExtension: false,
  // Every package (workspace ones too, which resolve outside node_modules) is
  // imported as installed, never inlined: the bench measures what users get.
  deps: { neverBundle: [/^[^./]/] },
});

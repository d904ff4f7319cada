import { defineConfig } from "tsdown";

export default defineConfig({
  // "./node" is its own entry so the main one stays free of Node built-ins.
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
  // openapi-fetch is the one runtime dependency; no other package may be bundled in.
  deps: { neverBundle: [/^node:/], onlyBundle: [] },
});

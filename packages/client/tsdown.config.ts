import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  clean: true,
  // openapi-fetch is the one runtime dependency; no other package may be bundled in.
  deps: { neverBundle: [/^node:/], onlyBundle: [] },
});

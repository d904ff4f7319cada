import { defineConfig, type UserConfig } from "tsdown";

const shared: UserConfig = {
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  target: "es2022",
  // openapi-fetch is the one runtime dependency; no other package may be bundled in.
  deps: { neverBundle: [/^node:/], onlyBundle: [] },
};

// Two separate builds, not two entries of one: a shared chunk would make the
// "./node" entry load the whole client (and export bundler helpers from it).
export default defineConfig([
  { ...shared, entry: { index: "src/index.ts" }, clean: true },
  { ...shared, entry: { node: "src/node.ts" }, clean: false },
]);

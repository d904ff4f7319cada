import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  dts: true,
  platform: "node",
  target: "node20",
  clean: true,
  // Plain .js/.d.ts names, as the exports map says (the package is ESM by "type").
  fixedExtension: false,
});

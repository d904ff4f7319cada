import { defineConfig } from "tsdown";

// Only the document module ships as JavaScript: other packages import it at run
// time. The spec tools (spec:diff, release:check) run from source with tsx.
export default defineConfig({
  entry: ["src/document.ts"],
  format: ["esm"],
  dts: true,
  platform: "node",
  target: "node20",
  clean: true,
  // Plain .js/.d.ts names, as the exports map says (the package is ESM by "type").
  fixedExtension: false,
});

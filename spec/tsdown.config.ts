import { defineConfig } from "tsdown";

// The library entries other packages import at run time, and spec:diff, which
// runs built (its tests spawn it: a TypeScript loader would cost each start a
// second of CPU).
export default defineConfig({
  entry: {
    document: "src/document.ts",
    compare: "src/compare.ts",
    "spec-diff": "bin/spec-diff.ts",
  },
  format: ["esm"],
  // No declarations: the package is private and its workspace consumers read types
  // from src/ (the exports' "types"), so no declaration build delays every test run.
  platform: "node",
  target: "node20",
  clean: true,
  // Plain .js names, as the exports map says (the package is ESM by "type").
  fixedExtension: false,
});

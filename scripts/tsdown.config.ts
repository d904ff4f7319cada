import { defineConfig } from "tsdown";

// The release gate runs built (node dist/release-check.js): its tests spawn it
// many times, and a TypeScript loader would cost each start a second of CPU.
export default defineConfig({
  entry: ["src/release-check.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  fixedExtension: false,
});

import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  fixedExtension: false,
  // Every package (workspace ones too, which resolve outside node_modules) is
  // imported as installed, never inlined: the bench measures what users get.
  deps: { neverBundle: [/^[^./]/] },
});

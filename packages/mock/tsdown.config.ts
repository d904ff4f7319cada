import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/index.ts", "src/cli.ts"],
  format: ["esm"],
  // No declarations: the package is private and its workspace consumers read types
  // from src/ (the exports' "types"), so no declaration build delays every test run.
  // Said outright: tsdown turns them on by itself for a package that declares types.
  dts: false,
  platform: "node",
  target: "node20",
  clean: true,
  // Plain .js names, as the exports map says (the package is ESM by "type").
  fixedExtension: false,
});

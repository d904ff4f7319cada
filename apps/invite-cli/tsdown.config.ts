import { defineConfig } from "tsdown";

export default defineConfig({
  // The bin, the demo, and the two exports the contract suite imports: ./invite-arguments,
  // and ./in-process, which runs the function the bin runs in the caller's process.
  entry: ["src/cli.ts", "src/demo.ts", "src/invite-arguments.ts", "src/in-process.ts"],
  format: ["esm"],
  // No declarations: the package is private and its workspace consumers read types
  // from src/ (the exports' "types"), so no declaration build delays every test run.
  platform: "node",
  target: "node20",
  // dist/cli.js, the bin named in package.json (not .mjs: the package is "type": "module").
  fixedExtension: false,
  // Only the demo uses them, and only from this repository: imported, never bundled, so
  // the CLI itself neither ships nor installs Prism.
  deps: { neverBundle: ["@dingtalk-conference/mock", /^@dingtalk-conference\/spec\//] },
  clean: true,
});

import { defineConfig } from "tsdown";

export default defineConfig({
  entry: ["src/cli.ts", "src/demo.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  // dist/cli.js, the bin named in package.json (not .mjs: the package is "type": "module").
  fixedExtension: false,
  // The bin runs as a command, so its file starts with a shebang.
  banner: ({ fileName }) => (fileName === "cli.js" ? "#!/usr/bin/env node" : undefined),
  clean: true,
});

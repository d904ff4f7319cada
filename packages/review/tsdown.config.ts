import { defineConfig } from "tsdown";

// Programs, not a library: `pnpm review` runs dist/cli.js, `pnpm run docs` dist/build-docs.js.
export default defineConfig({
  entry: ["src/cli.ts", "src/build-docs.ts"],
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  fixedExtension: false,
});

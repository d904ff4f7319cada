import { defineConfig } from "tsdown";

export default defineConfig({
  // The server runs in its own process, so it is an entry of its own.
  entry: { main: "src/main.ts", "server-main": "src/server/server-main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  clean: true,
  fixedExtension: false,
  // Measure the packages as installed, never a copy inlined into the bench.
  deps: { skipNodeModulesBundle: true },
});

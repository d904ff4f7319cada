import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { main: "src/main.ts" },
  target: "node20",
  fixedExtension: false,
  // Packages, workspace ones too, are imported as installed: the bench measures what users
  // get. Only the command-line reader is inlined: it ships TypeScript, which node cannot run.
  deps: { neverBundle: [/^(?!@dingtalk-conference\/command-line$)[^./]/] },
});

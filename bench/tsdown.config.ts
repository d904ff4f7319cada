import { defineConfig } from "tsdown";

export default defineConfig({
  entry: { main: "src/main.ts" },
  target: "node20",
  fixedExtension: false,
  // Every package (workspace ones too, which resolve outside node_modules) is imported as
  // installed, never inlined: the bench measures what users get. Except the command-line
  // reader, which ships TypeScript source that node cannot import.
  deps: { neverBundle: [/^(?!@dingtalk-conference\/command-line$)[^./]/] },
});

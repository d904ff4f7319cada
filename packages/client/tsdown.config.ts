import { defineConfig, type UserConfig } from "tsdown";

const shared: UserConfig = {
  entry: { index: "src/index.ts" },
  // Declarations from Oxc's isolated-declarations emit: a file at a time, from its
  // own annotations, without starting a TypeScript program (most of the build's CPU).
  // A public export whose type it cannot read off its declaration fails the build.
  dts: { oxc: true },
  platform: "neutral",
  target: "es2022",
};

export default defineConfig([
  // openapi-fetch is the one runtime dependency; no other package may be bundled in.
  { ...shared, format: "esm", clean: true, deps: { neverBundle: [/^node:/], onlyBundle: [] } },
  // The CommonJS build carries openapi-fetch's code inside (its types stay an import): rolldown
  // requires an external default import of a "type": "module" package with Node-mode interop
  // (__toESM(mod, 1)), which makes openapi-fetch's `default` its whole exports object, so
  // `require()` of the client failed (rolldown/rolldown#10800, still so in tsdown 0.21.10).
  // Under require(), client.raw is this copy and the installed openapi-fetch goes unused (README).
  {
    ...shared,
    format: "cjs",
    deps: {
      neverBundle: [/^node:/],
      alwaysBundle: (id, importer) => id === "openapi-fetch" && !importer?.endsWith(".d.ts"),
    },
  },
]);

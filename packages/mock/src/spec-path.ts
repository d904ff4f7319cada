import { createRequire } from "node:module";

/** Absolute path of spec/openapi.yaml, resolved through the workspace package. */
export const specPath: string = createRequire(import.meta.url).resolve(
  "@dingtalk-conference/spec/openapi.yaml",
);

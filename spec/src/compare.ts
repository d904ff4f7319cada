// The spec comparison as a library, imported as "@dingtalk-conference/spec/compare":
// spec:diff and the review page judge a change with the same code.
//
//   compareSpecs(before, after)   every change, each with its kind and JSON pointer
//   repoRoot(cwd)                 the root of the git repository holding `cwd`
//   reviewBase(root, ref?)        the commit a change is reviewed against, and why
//   specAtRef(root, ref)          spec/openapi.yaml as it is at a git ref, parsed
//   specInWorkingTree(root)       spec/openapi.yaml as it is in the working tree, parsed
//   parseSpec(text, source)       a spec's text, parsed; a SpecReadError names `source`
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { SpecReadError } from "./errors.js";
import { type BaseRef, defaultBaseRef, explicitBaseRef, fileAtRef } from "./git.js";

export {
  bumpFor,
  type ChangeKind,
  clientPackage,
  compareSpecs,
  type SpecChange,
} from "./compare-specs.js";
export { GitQueryError, SpecReadError } from "./errors.js";
export { type BaseRef, repoRoot } from "./git.js";

/** The spec file, relative to the repository root. */
export const specFile = "spec/openapi.yaml";

export function parseSpec(text: string, source: string): unknown {
  try {
    const spec = parse(text);
    if (typeof spec?.openapi !== "string") throw new Error("it has no `openapi` version field");
    return spec;
  } catch (error) {
    throw new SpecReadError(source, error instanceof Error ? error.message : String(error));
  }
}

/** spec/openapi.yaml as it is now in the working tree whose root is `root`, edits included. */
export async function specInWorkingTree(root: string): Promise<unknown> {
  const source = `the working tree's ${specFile}`;
  const text = await readFile(join(root, specFile), "utf8").catch((error: Error) => {
    throw new SpecReadError(source, error.message);
  });
  return parseSpec(text, source);
}

/** spec/openapi.yaml as committed at `ref`, in the repository whose root is `root`. */
export async function specAtRef(root: string, ref: string): Promise<unknown> {
  return parseSpec(await fileAtRef(root, ref, specFile), `${ref}:${specFile}`);
}

/**
 * What a change in the repository whose root is `root` is reviewed against:
 * where HEAD left `ref` (default: where it left main; on main itself, HEAD
 * or the commit before it).
 */
export function reviewBase(root: string, ref?: string): Promise<BaseRef> {
  return ref ? explicitBaseRef(root, ref) : defaultBaseRef(root, specFile);
}

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { GitQueryError } from "./errors.js";

const run = promisify(execFile);

/** Runs git in `cwd` and returns its trimmed output; a failure says which command and why. */
export async function git(cwd: string, args: readonly string[]): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout.trimEnd();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim() || String(error);
    throw new GitQueryError(`git ${args.join(" ")} failed: ${stderr}`);
  }
}

export const repoRoot = (cwd: string) => git(cwd, ["rev-parse", "--show-toplevel"]);

async function refExists(cwd: string, ref: string): Promise<boolean> {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
}

export interface BaseRef {
  ref: string;
  /** Why this ref was chosen, for the report's first line. */
  note: string;
}

/**
 * The default base of a review: where this branch left main. On main itself
 * that would be HEAD: right for edits not yet committed, but when `path` is
 * unchanged since HEAD, the previous commit is what there is to review.
 */
export async function defaultBaseRef(cwd: string, path: string): Promise<BaseRef> {
  // In a clone, the remote's main is where a pull request will land; a local
  // main may be stale.
  const main = (await refExists(cwd, "origin/main"))
    ? "origin/main"
    : (await refExists(cwd, "main"))
      ? "main"
      : undefined;
  if (!main) {
    throw new GitQueryError(
      "there is no main or origin/main branch to compare with; pass a git ref",
    );
  }
  const branch = await git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]);
  if (branch !== "main") {
    const mergeBase = await git(cwd, ["merge-base", "HEAD", main]);
    return { ref: mergeBase, note: `the merge base with ${main} (${mergeBase.slice(0, 7)})` };
  }
  const edited = await git(cwd, ["status", "--porcelain", "--", path]);
  if (edited) return { ref: "HEAD", note: "HEAD, because HEAD is main and the spec has edits" };
  if (!(await refExists(cwd, "HEAD~1"))) {
    throw new GitQueryError(
      "HEAD is main's first commit and the spec has no edits: nothing to compare with; pass a git ref",
    );
  }
  return { ref: "HEAD~1", note: "the previous commit (HEAD~1), because HEAD is main" };
}

/**
 * Where HEAD left `ref`: what a change on HEAD is reviewed against. Comparing
 * with `ref` itself would count what `ref` gained since as this change's work,
 * in reverse.
 */
export async function mergeBaseWith(cwd: string, ref: string): Promise<string> {
  if (!(await refExists(cwd, ref)))
    throw new GitQueryError(`"${ref}" is not a commit in this repository`);
  return git(cwd, ["merge-base", ref, "HEAD"]);
}

/** The base of a review against a ref the user named: its merge base with HEAD. */
export async function explicitBaseRef(cwd: string, ref: string): Promise<BaseRef> {
  const mergeBase = await mergeBaseWith(cwd, ref);
  return { ref: mergeBase, note: `the merge base with ${ref} (${mergeBase.slice(0, 7)})` };
}

/** A file's text at a ref, e.g. the spec as it was on main. */
export async function fileAtRef(cwd: string, ref: string, path: string): Promise<string> {
  if (!(await refExists(cwd, ref)))
    throw new GitQueryError(`"${ref}" is not a commit in this repository`);
  try {
    return await git(cwd, ["show", `${ref}:${path}`]);
  } catch {
    throw new GitQueryError(`${path} does not exist at ${ref}`);
  }
}

/** Every file that differs between the merge base of `base` and the working tree, untracked ones included. */
export async function changedFilesSince(cwd: string, base: string): Promise<string[]> {
  const mergeBase = await mergeBaseWith(cwd, base);
  const changed = await git(cwd, ["diff", "--name-only", mergeBase]);
  const untracked = await git(cwd, ["ls-files", "--others", "--exclude-standard"]);
  return [...new Set([...changed.split("\n"), ...untracked.split("\n")])].filter(Boolean).sort();
}

// The git questions a spec review asks: where a change left main, and what
// the spec was there. Each answer costs as few git processes as it can: a
// review runs several, and tests run many reviews.
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

/** Whether `ref` names a commit. */
const isCommit = (cwd: string, ref: string) =>
  git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );

/** A git error for a ref the user named: its own message when it names no commit. */
async function unknownRefOr(cwd: string, ref: string, error: unknown): Promise<Error> {
  return (await isCommit(cwd, ref))
    ? (error as Error)
    : new GitQueryError(`"${ref}" is not a commit in this repository`);
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
  // main may be stale. for-each-ref says which of the two exist in one process.
  const [mains, branch] = await Promise.all([
    git(cwd, [
      "for-each-ref",
      "--format=%(refname:short)",
      "refs/remotes/origin/main",
      "refs/heads/main",
    ]),
    git(cwd, ["rev-parse", "--abbrev-ref", "HEAD"]),
  ]);
  const existing = new Set(mains.split("\n"));
  const main = ["origin/main", "main"].find((ref) => existing.has(ref));
  if (!main) {
    throw new GitQueryError(
      "there is no main or origin/main branch to compare with; pass a git ref",
    );
  }
  if (branch !== "main") {
    const mergeBase = await git(cwd, ["merge-base", "HEAD", main]);
    return { ref: mergeBase, note: `the merge base with ${main} (${mergeBase.slice(0, 7)})` };
  }
  const edited = await git(cwd, ["status", "--porcelain", "--", path]);
  if (edited) return { ref: "HEAD", note: "HEAD, because HEAD is main and the spec has edits" };
  if (!(await isCommit(cwd, "HEAD~1"))) {
    throw new GitQueryError(
      "HEAD is main's first commit and the spec has no edits: nothing to compare with; pass a git ref",
    );
  }
  return { ref: "HEAD~1", note: "the previous commit (HEAD~1), because HEAD is main" };
}

/**
 * The base of a review against a ref the user named: where HEAD left it.
 * Comparing with `ref` itself would count what `ref` gained since as this
 * change's work, in reverse.
 */
export async function explicitBaseRef(cwd: string, ref: string): Promise<BaseRef> {
  const mergeBase = await git(cwd, ["merge-base", ref, "HEAD"]).catch(async (error: unknown) => {
    throw await unknownRefOr(cwd, ref, error);
  });
  return { ref: mergeBase, note: `the merge base with ${ref} (${mergeBase.slice(0, 7)})` };
}

/** A file's text at a ref, e.g. the spec as it was on main. */
export async function fileAtRef(cwd: string, ref: string, path: string): Promise<string> {
  return git(cwd, ["show", `${ref}:${path}`]).catch(async (error: unknown) => {
    const cause = await unknownRefOr(cwd, ref, error);
    throw cause === error ? new GitQueryError(`${path} does not exist at ${ref}`) : cause;
  });
}

import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  GitQueryError,
  parseSpec,
  SpecReadError,
  specFile,
} from "@dingtalk-conference/spec/compare";

const run = promisify(execFile);

/** The working tree a review reads: its root, and the spec as it is there now, edits included. */
export interface WorkingTree {
  root: string;
  specPath: string;
  spec: unknown;
}

export async function workingTreeOf(cwd: string): Promise<WorkingTree> {
  const root = await run("git", ["rev-parse", "--show-toplevel"], { cwd }).then(
    ({ stdout }) => stdout.trim(),
    (error: { stderr?: string }) => {
      throw new GitQueryError(`${cwd} is not in a git repository: ${error.stderr?.trim()}`);
    },
  );
  const specPath = join(root, specFile);
  const source = `the working tree's ${specFile}`;
  const text = await readFile(specPath, "utf8").catch((error: Error) => {
    throw new SpecReadError(source, error.message);
  });
  return { root, specPath, spec: parseSpec(text, source) };
}

// A throwaway git repository shaped like this workspace (root, spec, client,
// changesets), so the release gate runs against real git history.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type Output, releaseCheck } from "../../src/release-gate.js";

const exec = promisify(execFile);
/** The built command: `pnpm test` builds it first (turbo's dependsOn), as `pnpm build` does. */
const releaseCheckCommand = fileURLToPath(new URL("../../dist/release-check.js", import.meta.url));

export interface Report {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ScratchRepo {
  dir: string;
  /** Writes a file and stages it, as a change git knows of. */
  write(path: string, content: string): Promise<void>;
  /** Writes a file without telling git. */
  writeUntracked(path: string, content: string): Promise<void>;
  git(...args: string[]): Promise<string>;
  commitAll(message: string): Promise<void>;
  /** The gate run in this process: cheap, for what it decides. */
  check(...args: string[]): Promise<Report>;
  /** The built command run by node: for what the process does (exit codes, stderr). */
  runCommand(...args: string[]): Promise<Report>;
}

export const changeset = (pkg: string, bump: string, summary: string) =>
  `---\n"${pkg}": ${bump}\n---\n\n${summary}\n`;

function scratchRepoAt(dir: string): ScratchRepo {
  const git = async (...args: string[]) => (await exec("git", args, { cwd: dir })).stdout.trim();
  const writeUntracked = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  const write = async (path: string, content: string) => {
    await writeUntracked(path, content);
    await git("add", path);
  };
  const commitAll = async (message: string) => {
    await git("add", "-A");
    await git("commit", "-q", "-m", message);
  };
  const runCommand = async (...args: string[]): Promise<Report> => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [releaseCheckCommand, ...args], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as Report;
      return { code, stdout, stderr };
    }
  };
  const check = async (...args: string[]): Promise<Report> => {
    const report = { code: 0, stdout: "", stderr: "" };
    const out: Output = {
      log: (...parts) => {
        report.stdout += `${parts.join(" ")}\n`;
      },
      error: (...parts) => {
        report.stderr += `${parts.join(" ")}\n`;
      },
    };
    report.code = await releaseCheck(args, dir, out);
    return report;
  };
  return { dir, write, writeUntracked, git, commitAll, check, runCommand };
}

/** The workspace as on main, checked out on a `feature` branch. */
async function createTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "release-check-"));
  const { git, writeUntracked, commitAll } = scratchRepoAt(dir);
  await git("init", "-q", "-b", "main");
  await git("config", "user.email", "review@example.invalid");
  await git("config", "user.name", "review");
  await writeUntracked("package.json", JSON.stringify({ name: "scratch", private: true }));
  await writeUntracked("pnpm-workspace.yaml", "packages:\n  - spec\n  - packages/*\n");
  await writeUntracked(
    "spec/package.json",
    JSON.stringify({ name: "@dingtalk-conference/spec", private: true }),
  );
  await writeUntracked("spec/openapi.yaml", "openapi: 3.1.0\n");
  await writeUntracked("spec/README.md", "The spec.\n");
  await writeUntracked(
    "packages/client/package.json",
    JSON.stringify({ name: "@dingtalk-conference/client", version: "1.0.0" }),
  );
  await writeUntracked("packages/client/src/index.ts", "export {};\n");
  await writeUntracked(".changeset/config.json", JSON.stringify({ baseBranch: "main" }));
  await writeUntracked(".changeset/README.md", "Changesets.\n");
  await commitAll("the workspace as on main");
  await git("checkout", "-q", "-b", "feature");
  return dir;
}

/**
 * A fresh scratch repository for each test of the calling file, removed after
 * it: a copy of one built per file, which costs no git process.
 */
export function useScratchRepo(): { readonly repo: ScratchRepo } {
  let template = "";
  let current: ScratchRepo | undefined;
  beforeAll(async () => {
    template = await createTemplate();
  });
  afterAll(() => rm(template, { recursive: true, force: true }));
  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), "release-check-"));
    await cp(template, dir, { recursive: true });
    current = scratchRepoAt(dir);
  });
  afterEach(() => current && rm(current.dir, { recursive: true, force: true }));
  return {
    get repo() {
      if (!current) throw new Error("useScratchRepo: the repository exists only inside a test");
      return current;
    },
  };
}

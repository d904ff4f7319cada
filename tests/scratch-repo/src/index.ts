// Throwaway git repositories shaped like this workspace, for the tests of the
// tools that read its git history: spec:diff, release:check and pnpm review.
// Only vitest imports this package (its entry is TypeScript, never built).
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

const exec = promisify(execFile);

export interface ScratchRepo {
  readonly dir: string;
  git(...args: string[]): Promise<string>;
  /** Writes a file and stages it, as a change git knows of (a new changeset must be). */
  write(path: string, content: string): Promise<void>;
  /** Writes a file without telling git: an edit of a tracked file, or a file git does not know. */
  writeUntracked(path: string, content: string): Promise<void>;
  commitAll(message: string): Promise<void>;
  remove(): Promise<void>;
}

export function scratchRepoAt(dir: string): ScratchRepo {
  const git = async (...args: string[]) => (await exec("git", args, { cwd: dir })).stdout.trim();
  const writeUntracked = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  return {
    dir,
    git,
    writeUntracked,
    async write(path, content) {
      await writeUntracked(path, content);
      await git("add", path);
    },
    async commitAll(message) {
      await git("add", "-A");
      await git("commit", "-q", "-m", message);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface ScratchRepoShape {
  /** Start of the temporary folder's name, to tell whose it is. */
  prefix: string;
  /** Path → content, committed on `main`. */
  files: Record<string, string>;
  /** The branch checked out after that commit, as a change under review would be. */
  branch: string;
}

/** A new repository in a temporary folder: `files` committed on main, `branch` checked out. */
export async function createScratchRepo({
  prefix,
  files,
  branch,
}: ScratchRepoShape): Promise<ScratchRepo> {
  const repo = scratchRepoAt(await mkdtemp(join(tmpdir(), `${prefix}-`)));
  await repo.git("init", "-q", "-b", "main");
  await repo.git("config", "user.email", "review@example.invalid");
  await repo.git("config", "user.name", "review");
  for (const [path, content] of Object.entries(files)) await repo.writeUntracked(path, content);
  await repo.commitAll("the workspace as on main");
  await repo.git("checkout", "-q", "-b", branch);
  return repo;
}

/** The files of this workspace that its tools look at: root, spec, client and changesets. */
export function workspaceFiles(specYaml: string): Record<string, string> {
  return {
    "package.json": JSON.stringify({ name: "scratch", private: true }),
    "pnpm-workspace.yaml": "packages:\n  - spec\n  - packages/*\n",
    "spec/package.json": JSON.stringify({ name: "@dingtalk-conference/spec", private: true }),
    "spec/openapi.yaml": specYaml,
    "packages/client/package.json": JSON.stringify({
      name: "@dingtalk-conference/client",
      version: "1.0.0",
    }),
    "packages/client/src/index.ts": "export {};\n",
    ".changeset/config.json": JSON.stringify({ baseBranch: "main" }),
  };
}

/**
 * A fresh scratch repository for each test of the calling file, removed after
 * it: a copy of one built per file, which costs no git process. `extend` adds
 * what the calling tests need on top (their command, in process and built).
 */
export function useScratchRepo<Extra>(
  shape: ScratchRepoShape,
  extend: (repo: ScratchRepo) => Extra,
): { readonly repo: ScratchRepo & Extra } {
  let template: ScratchRepo | undefined;
  let current: (ScratchRepo & Extra) | undefined;
  beforeAll(async () => {
    template = await createScratchRepo(shape);
  });
  afterAll(() => template?.remove());
  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), `${shape.prefix}-`));
    await cp((template as ScratchRepo).dir, dir, { recursive: true });
    const repo = scratchRepoAt(dir);
    current = { ...repo, ...extend(repo) };
  });
  afterEach(() => current?.remove());
  return {
    get repo() {
      if (!current) throw new Error("useScratchRepo: the repository exists only inside a test");
      return current;
    },
  };
}

/** A changeset file bumping one package. */
export const changeset = (pkg: string, bump: string, summary: string) =>
  `---\n"${pkg}": ${bump}\n---\n\n${summary}\n`;

/** What a command wrote and how it ended. */
export interface Report {
  code: number;
  stdout: string;
  stderr: string;
}

/** A built command run by node to its end: for what the process does (exit codes, stderr). */
export async function runNode(
  script: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Report> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: "1", ...options.env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as Report;
    return { code, stdout, stderr };
  }
}

/** Runs a command's in-process entry with an output that records what it prints. */
export async function recordRun(
  run: (out: Pick<Console, "log" | "error">) => Promise<number>,
): Promise<Report> {
  const report = { code: 0, stdout: "", stderr: "" };
  report.code = await run({
    log: (...parts: unknown[]) => {
      report.stdout += `${parts.join(" ")}\n`;
    },
    error: (...parts: unknown[]) => {
      report.stderr += `${parts.join(" ")}\n`;
    },
  });
  return report;
}

// A throwaway git repository shaped like this workspace (root, spec, client,
// changesets), so the review commands run against real git history.
import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach } from "vitest";
import { stringify } from "yaml";
import { type Spec, specDir, specFile } from "./spec-document.js";

const exec = promisify(execFile);
const tsx = join(specDir, "node_modules", ".bin", "tsx");

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ScratchRepo {
  dir: string;
  write(path: string, content: string): Promise<void>;
  writeSpec(spec: Spec): Promise<void>;
  git(...args: string[]): Promise<string>;
  commitAll(message: string): Promise<void>;
  /**
   * Runs one of spec/bin/*.ts as its root script does: pnpm runs it in spec/,
   * and INIT_CWD says where the user typed the command (the repository root).
   */
  run(bin: "spec-diff" | "release-check", ...args: string[]): Promise<CommandResult>;
  remove(): Promise<void>;
}

export const changeset = (pkg: string, bump: string, summary: string) =>
  `---\n"${pkg}": ${bump}\n---\n\n${summary}\n`;

/** A repository with the committed spec on main, checked out on a `feature` branch. */
export async function createScratchRepo(): Promise<ScratchRepo> {
  const dir = await mkdtemp(join(tmpdir(), "spec-review-"));
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  const git = async (...args: string[]) => (await exec("git", args, { cwd: dir })).stdout.trim();
  const commitAll = async (message: string) => {
    await git("add", "-A");
    await git("commit", "-q", "-m", message);
  };
  const run = async (bin: string, ...args: string[]): Promise<CommandResult> => {
    try {
      const { stdout, stderr } = await exec(tsx, [join(specDir, "bin", `${bin}.ts`), ...args], {
        cwd: join(dir, "spec"),
        env: { ...process.env, NO_COLOR: "1", INIT_CWD: dir },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as CommandResult;
      return { code, stdout, stderr };
    }
  };

  await git("init", "-q", "-b", "main");
  await git("config", "user.email", "review@example.invalid");
  await git("config", "user.name", "review");
  await write("package.json", JSON.stringify({ name: "scratch", private: true }));
  await write("pnpm-workspace.yaml", "packages:\n  - spec\n  - packages/*\n");
  await write(
    "spec/package.json",
    JSON.stringify({ name: "@dingtalk-conference/spec", private: true }),
  );
  await mkdir(join(dir, "spec"), { recursive: true });
  await copyFile(specFile, join(dir, "spec", "openapi.yaml"));
  await write("spec/README.md", "The spec.\n");
  await write(
    "packages/client/package.json",
    JSON.stringify({ name: "@dingtalk-conference/client" }),
  );
  await write("packages/client/src/index.ts", "export {};\n");
  await write(".changeset/config.json", JSON.stringify({ baseBranch: "main" }));
  await write(".changeset/README.md", "Changesets.\n");
  await commitAll("the workspace as on main");
  await git("checkout", "-q", "-b", "feature");

  return {
    dir,
    write,
    writeSpec: (spec) => write("spec/openapi.yaml", stringify(spec)),
    git,
    commitAll,
    run,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A fresh scratch repository for each test of the calling file, removed after it. */
export function useScratchRepo(): { readonly repo: ScratchRepo } {
  let current: ScratchRepo | undefined;
  beforeEach(async () => {
    current = await createScratchRepo();
  });
  afterEach(() => current?.remove());
  return {
    get repo() {
      if (!current) throw new Error("useScratchRepo: the repository exists only inside a test");
      return current;
    },
  };
}

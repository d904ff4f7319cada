// A throwaway git repository holding a small spec and a changesets folder, so
// spec:diff runs against real git history. The spec is small on purpose: these
// tests are about refs and changesets; how each change is classified is
// compare-specs.test.ts's job, on the real spec.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { stringify } from "yaml";
import { type Output, specDiff } from "../../src/spec-diff.js";
import { type Spec, specDir } from "./spec-document.js";

const exec = promisify(execFile);
/** The built command: `pnpm test` builds it first (turbo's dependsOn), as `pnpm build` does. */
const specDiffCommand = join(specDir, "dist", "spec-diff.js");

export interface Report {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ScratchRepo {
  dir: string;
  /** Writes a file and stages it, as a change git knows of (a new changeset must be). */
  write(path: string, content: string): Promise<void>;
  /** Edits the committed spec; git sees an edit to a tracked file without staging. */
  writeSpec(spec: Spec): Promise<void>;
  git(...args: string[]): Promise<string>;
  commitAll(message: string): Promise<void>;
  /** spec:diff run in this process, as typed at the repository root: cheap, for what it decides. */
  specDiff(...args: string[]): Promise<Report>;
  /** The built command run by node in spec/, as pnpm runs it: for exit codes and stderr. */
  runCommand(...args: string[]): Promise<Report>;
}

/** The spec on main: one operation whose answer has one field. */
export const smallSpec: Spec = {
  openapi: "3.1.0",
  info: { title: "Small", version: "1.0.0" },
  paths: {
    "/things/{id}": {
      get: {
        operationId: "getThing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "The thing.",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["success"],
                  properties: { success: { type: "boolean", description: "Whether it worked." } },
                },
              },
            },
          },
        },
      },
    },
  },
};

export const changeset = (pkg: string, bump: string, summary: string) =>
  `---\n"${pkg}": ${bump}\n---\n\n${summary}\n`;

function scratchRepoAt(dir: string): ScratchRepo {
  const git = async (...args: string[]) => (await exec("git", args, { cwd: dir })).stdout.trim();
  const edit = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  return {
    dir,
    async write(path, content) {
      await edit(path, content);
      await git("add", path);
    },
    writeSpec: (spec) => edit("spec/openapi.yaml", stringify(spec)),
    git,
    async commitAll(message) {
      await git("add", "-A");
      await git("commit", "-q", "-m", message);
    },
    async specDiff(...args) {
      const report = { code: 0, stdout: "", stderr: "" };
      const out: Output = {
        log: (...parts) => {
          report.stdout += `${parts.join(" ")}\n`;
        },
        error: (...parts) => {
          report.stderr += `${parts.join(" ")}\n`;
        },
      };
      report.code = await specDiff(args, dir, dir, out);
      return report;
    },
    async runCommand(...args) {
      try {
        const { stdout, stderr } = await exec(process.execPath, [specDiffCommand, ...args], {
          cwd: join(dir, "spec"),
          env: { ...process.env, NO_COLOR: "1", INIT_CWD: dir },
        });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const { code, stdout, stderr } = error as Report;
        return { code, stdout, stderr };
      }
    },
  };
}

/** The small spec on main, checked out on a `feature` branch. */
async function createTemplate(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "spec-diff-"));
  const { git, commitAll } = scratchRepoAt(dir);
  await git("init", "-q", "-b", "main");
  await git("config", "user.email", "review@example.invalid");
  await git("config", "user.name", "review");
  await mkdir(join(dir, "spec"), { recursive: true });
  await writeFile(join(dir, "spec", "openapi.yaml"), stringify(smallSpec));
  await mkdir(join(dir, ".changeset"));
  await writeFile(join(dir, ".changeset", "config.json"), JSON.stringify({ baseBranch: "main" }));
  await commitAll("the spec as on main");
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
    const dir = await mkdtemp(join(tmpdir(), "spec-diff-"));
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

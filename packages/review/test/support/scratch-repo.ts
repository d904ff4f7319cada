// A throwaway git repository shaped like this workspace (spec, client,
// changesets), on a `scratch` branch off `main`, so a review runs against real
// git history without touching this repository.
import { execFile, spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { specPath } from "@dingtalk-conference/spec/document";
import { parseDocument } from "yaml";

const exec = promisify(execFile);
export const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface ScratchRepo {
  dir: string;
  write(path: string, content: string): Promise<void>;
  /** Edits the working tree's spec, keeping its YAML layout. */
  editSpec(edit: (spec: ReturnType<typeof parseDocument>) => void): Promise<void>;
  commitAll(message: string): Promise<void>;
  remove(): Promise<void>;
}

export async function createScratchRepo(): Promise<ScratchRepo> {
  const dir = await mkdtemp(join(tmpdir(), "review-scratch-"));
  const git = (...args: string[]) => exec("git", args, { cwd: dir });
  const write = async (path: string, content: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  const commitAll = async (message: string) => {
    await git("add", "-A");
    await git("commit", "-q", "-m", message);
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
  await copyFile(specPath, join(dir, "spec", "openapi.yaml"));
  await write(
    "packages/client/package.json",
    JSON.stringify({ name: "@dingtalk-conference/client", version: "1.0.0" }),
  );
  await write("packages/client/src/index.ts", "export {};\n");
  await write(".changeset/config.json", JSON.stringify({ baseBranch: "main" }));
  await commitAll("the spec as it is on main");
  await git("checkout", "-q", "-b", "scratch");
  return {
    dir,
    write,
    editSpec: async (edit) => {
      const spec = parseDocument(await readFile(join(dir, "spec", "openapi.yaml"), "utf8"));
      edit(spec);
      await write("spec/openapi.yaml", spec.toString());
    },
    commitAll,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Makes the 200 response's `success` optional: a breaking change for a client built on main. */
export const makeSuccessOptional = (spec: ReturnType<typeof parseDocument>) =>
  spec.deleteIn(["components", "schemas", "InviteUsersResponse", "required"]);

/** Where the comparison reports that change. */
export const successOptionalPointer =
  "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1users~1invite/post/responses/200/content/application~1json/schema/required/0";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `pnpm review`'s program in `cwd` to its end. */
export function runCli(cwd: string, ...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

export interface RunningCli {
  url: string;
  stop(): Promise<void>;
}

/** Starts `pnpm review`'s program in `cwd` and resolves once it prints the page's address. */
export async function startCli(cwd: string, ...args: string[]): Promise<RunningCli> {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^Review page: (\S+)/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`pnpm review exited before serving: ${stderr}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

// A throwaway git repository shaped like this workspace (spec, client,
// changesets), on a `scratch` branch off `main`, so a review runs against real
// git history without touching this repository.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import {
  createScratchRepo,
  type Report,
  runNode,
  type ScratchRepo,
  workspaceFiles,
} from "@dingtalk-conference/scratch-repo";
import { specPath } from "@dingtalk-conference/spec/document";
import { parseDocument } from "yaml";

export const cliPath = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface ReviewRepo extends ScratchRepo {
  /** Edits the working tree's spec, keeping its YAML layout. */
  editSpec(edit: (spec: ReturnType<typeof parseDocument>) => void): Promise<void>;
}

/** The workspace's spec and client as on main, checked out on a `scratch` branch. */
export async function createReviewRepo(): Promise<ReviewRepo> {
  const repo = await createScratchRepo({
    prefix: "review-scratch",
    files: workspaceFiles(await readFile(specPath, "utf8")),
    branch: "scratch",
  });
  const specFile = join(repo.dir, "spec", "openapi.yaml");
  return {
    ...repo,
    editSpec: async (edit) => {
      const spec = parseDocument(await readFile(specFile, "utf8"));
      edit(spec);
      await repo.writeUntracked("spec/openapi.yaml", spec.toString());
    },
  };
}

/** Makes the 200 response's `success` optional: a breaking change for a client built on main. */
export const makeSuccessOptional = (spec: ReturnType<typeof parseDocument>) =>
  spec.deleteIn(["components", "schemas", "InviteUsersResponse", "required"]);

/** Where the comparison reports that change. */
export const successOptionalPointer =
  "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1users~1invite/post/responses/200/content/application~1json/schema/required/0";

/** Runs `pnpm review`'s program in `cwd` to its end. */
export const runCli = (cwd: string, ...args: string[]): Promise<Report> =>
  runNode(cliPath, args, { cwd });

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

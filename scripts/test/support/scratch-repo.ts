// A throwaway git repository shaped like this workspace (root, spec, client,
// changesets), so the release gate runs against real git history.
import { fileURLToPath } from "node:url";
import {
  type Report,
  recordRun,
  runNode,
  type ScratchRepo,
  useScratchRepo as useRepo,
  workspaceFiles,
} from "@dingtalk-conference/scratch-repo";
import { releaseCheck } from "../../src/release-gate.js";

export { changeset } from "@dingtalk-conference/scratch-repo";

/** The built command: `pnpm test` builds it first (turbo's dependsOn), as `pnpm build` does. */
const releaseCheckCommand = fileURLToPath(new URL("../../dist/release-check.js", import.meta.url));

export interface ReleaseCheckRepo extends ScratchRepo {
  /** The gate run in this process: cheap, for what it decides. */
  check(...args: string[]): Promise<Report>;
  /** The built command run by node: for what the process does (exit codes, stderr). */
  runCommand(...args: string[]): Promise<Report>;
}

/** A fresh copy, for each test of the calling file, of the workspace as on main, on `feature`. */
export function useScratchRepo(): { readonly repo: ReleaseCheckRepo } {
  return useRepo(
    {
      prefix: "release-check",
      files: {
        ...workspaceFiles("openapi: 3.1.0\n"),
        "spec/README.md": "The spec.\n",
        ".changeset/README.md": "Changesets.\n",
      },
      branch: "feature",
    },
    (repo): Omit<ReleaseCheckRepo, keyof ScratchRepo> => ({
      check: (...args) => recordRun((out) => releaseCheck(args, repo.dir, out)),
      runCommand: (...args) => runNode(releaseCheckCommand, args, { cwd: repo.dir }),
    }),
  );
}

// A throwaway git repository shaped like this workspace (root, spec, client,
// changesets), so the release gate runs against real git history.
import { fileURLToPath } from "node:url";
import {
  type Report,
  recordRun,
  runNode,
  type ScratchRepo,
  useScratchRepo as useRepo,
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
  const scratch = useRepo({
    prefix: "release-check",
    files: {
      "package.json": JSON.stringify({ name: "scratch", private: true }),
      "pnpm-workspace.yaml": "packages:\n  - spec\n  - packages/*\n",
      "spec/package.json": JSON.stringify({ name: "@dingtalk-conference/spec", private: true }),
      "spec/openapi.yaml": "openapi: 3.1.0\n",
      "spec/README.md": "The spec.\n",
      "packages/client/package.json": JSON.stringify({
        name: "@dingtalk-conference/client",
        version: "1.0.0",
      }),
      "packages/client/src/index.ts": "export {};\n",
      ".changeset/config.json": JSON.stringify({ baseBranch: "main" }),
      ".changeset/README.md": "Changesets.\n",
    },
    branch: "feature",
  });
  return {
    get repo(): ReleaseCheckRepo {
      const repo = scratch.repo;
      return {
        ...repo,
        check: (...args) => recordRun((out) => releaseCheck(args, repo.dir, out)),
        runCommand: (...args) => runNode(releaseCheckCommand, args, { cwd: repo.dir }),
      };
    },
  };
}

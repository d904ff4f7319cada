// A throwaway git repository shaped like this workspace, with a small spec, so
// spec:diff runs against real git history. The spec is small on purpose: these
// tests are about refs and changesets; how each change is classified is
// compare-specs.test.ts's job, on the real spec.
import { join } from "node:path";
import {
  type Report,
  recordRun,
  runNode,
  type ScratchRepo,
  useScratchRepo as useRepo,
  workspaceFiles,
} from "@dingtalk-conference/scratch-repo";
import { stringify } from "yaml";
import { specDiff } from "../../src/spec-diff.js";
import { type Spec, specDir } from "./spec-document.js";

export { changeset } from "@dingtalk-conference/scratch-repo";

/** The built command: `pnpm test` builds it first (turbo's dependsOn), as `pnpm build` does. */
const specDiffCommand = join(specDir, "dist", "spec-diff.js");

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

export interface SpecDiffRepo extends ScratchRepo {
  /** Edits the committed spec; git sees an edit to a tracked file without staging. */
  writeSpec(spec: Spec): Promise<void>;
  /** spec:diff run in this process, as typed at the repository root: cheap, for what it decides. */
  specDiff(...args: string[]): Promise<Report>;
  /** The built command run by node in spec/, as pnpm runs it: for exit codes and stderr. */
  runCommand(...args: string[]): Promise<Report>;
}

/** A fresh copy, for each test of the calling file, of the small spec on main checked out on `feature`. */
export function useScratchRepo(): { readonly repo: SpecDiffRepo } {
  return useRepo(
    {
      prefix: "spec-diff",
      // The workspace's shape: changesets plans a release from its packages.
      files: workspaceFiles(stringify(smallSpec)),
      branch: "feature",
    },
    (repo): Omit<SpecDiffRepo, keyof ScratchRepo> => ({
      writeSpec: (spec) => repo.writeUntracked("spec/openapi.yaml", stringify(spec)),
      specDiff: (...args) => recordRun((out) => specDiff(args, repo.dir, repo.dir, out)),
      runCommand: (...args) =>
        runNode(specDiffCommand, args, {
          cwd: join(repo.dir, "spec"),
          env: { INIT_CWD: repo.dir },
        }),
    }),
  );
}

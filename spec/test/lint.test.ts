// The lint ruleset is what stops a broken spec from reaching review, so each
// rule of redocly.yaml is proven here against a spec that breaks it. Every
// spec is linted by one Redocly run (a start costs more than a spec).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { invite, loadSpec, mutated, type Spec, specDir } from "./support/spec-document.js";

const run = promisify(execFile);
/** Redocly's bin, found through the package: the test also runs outside pnpm's PATH. */
const redocly = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "bin/cli.js",
);

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
}

interface BrokenSpec {
  broken: string;
  rule: string;
  change: (spec: Spec) => void;
}

const brokenSpecs: BrokenSpec[] = [
  {
    broken: "a request example whose nick is a number",
    rule: "no-invalid-media-type-examples",
    change: (spec: Spec) => {
      invite(spec).requestBody.content[
        "application/json"
      ].examples.operatorUserAndPhone.value.inviteeList[0].nick = 42;
    },
  },
  {
    broken: "an error example without its required code",
    rule: "no-invalid-media-type-examples",
    change: (spec: Spec) => {
      delete spec.components.responses.SystemError.content["application/json"].examples.systemError
        .value.code;
    },
  },
  {
    broken: "a response example with a field the schema lacks",
    rule: "no-invalid-media-type-examples",
    change: (spec: Spec) => {
      invite(spec).responses["200"].content["application/json"].examples.success.value.extra = 1;
    },
  },
  {
    broken: "an operation without operationId",
    rule: "operation-operationId",
    change: (spec: Spec) => {
      delete invite(spec).operationId;
    },
  },
  {
    broken: "an operation without description",
    rule: "operation-description",
    change: (spec: Spec) => {
      delete invite(spec).description;
    },
  },
  {
    broken: "an unused component",
    rule: "no-unused-components",
    change: (spec: Spec) => {
      spec.components.schemas.Orphan = { type: "string", description: "Never referenced." };
    },
  },
  {
    broken: "a response without an example",
    rule: "rule/media-type-has-example",
    change: (spec: Spec) => {
      delete invite(spec).responses["200"].content["application/json"].examples;
    },
  },
  {
    broken: "an operation without summary",
    rule: "operation-summary",
    change: (spec: Spec) => {
      delete invite(spec).summary;
    },
  },
  {
    broken: "a parameter example of the wrong type",
    rule: "no-invalid-parameter-examples",
    change: (spec: Spec) => {
      spec.components.parameters.ConferenceId.example = 42;
    },
  },
  {
    broken: "a schema example of the wrong type",
    rule: "no-invalid-schema-examples",
    change: (spec: Spec) => {
      spec.components.schemas.Invitee.properties.nick.examples = [42];
    },
  },
  {
    broken: "an operation that states no security requirement",
    rule: "security-defined",
    change: (spec: Spec) => {
      delete invite(spec).security;
    },
  },
  {
    broken: "an operation without x-required-permission",
    rule: "rule/operation-has-required-permission",
    change: (spec: Spec) => {
      delete invite(spec)["x-required-permission"];
    },
  },
  {
    broken: "a description that does not state the required permission",
    rule: "rule/operation-description-states-permission",
    change: (spec: Spec) => {
      const operation = invite(spec);
      operation.description = operation.description.replace("**Required permission:**", "");
    },
  },
  {
    broken: "an error response without a body",
    rule: "rule/error-response-has-body",
    change: (spec: Spec) => {
      delete spec.components.responses.SystemError.content;
    },
  },
  {
    broken: "an error response with an inline copy of the envelope",
    rule: "rule/error-response-uses-dingtalk-envelope",
    change: (spec: Spec) => {
      spec.components.responses.Forbidden.content["application/json"].schema = structuredClone(
        spec.components.schemas.DingTalkError,
      );
    },
  },
  {
    broken: "an inline error response with another envelope",
    rule: "rule/error-response-uses-dingtalk-envelope",
    change: (spec: Spec) => {
      spec.paths["/v1.0/oauth2/accessToken"].post.responses["400"].content[
        "application/json"
      ].schema = { $ref: "#/components/schemas/InviteUsersResponse" };
    },
  },
  {
    broken: "a response with an anonymous example instead of named ones",
    rule: "rule/response-has-named-example",
    change: (spec: Spec) => {
      const media = invite(spec).responses["200"].content["application/json"];
      media.example = media.examples.success.value;
      delete media.examples;
    },
  },
  {
    broken: "an error example that names no client error class",
    rule: "rule/error-example-names-client-error",
    change: (spec: Spec) => {
      delete spec.components.responses.Forbidden.content["application/json"].examples[
        "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"
      ]["x-client-error"];
    },
  },
  {
    broken: "an inline error response's example that names no client error class",
    rule: "rule/error-example-names-client-error",
    change: (spec: Spec) => {
      delete spec.paths["/v1.0/oauth2/accessToken"].post.responses["400"].content[
        "application/json"
      ].examples.invalidClientIdOrSecret["x-client-error"];
    },
  },
  {
    broken: "a property without description",
    rule: "rule/property-has-description",
    change: (spec: Spec) => {
      delete spec.components.schemas.Invitee.properties.nick.description;
    },
  },
  {
    broken: "a nested property without description",
    rule: "rule/property-has-description",
    change: (spec: Spec) => {
      delete spec.components.schemas.DingTalkError.properties.accessdenieddetail.properties
        .requiredScopes.description;
    },
  },
];

/**
 * The problems Redocly finds in each spec, in order, from one `redocly lint`
 * of them all. With --format=json it prints one JSON report per file, one
 * after the other.
 */
async function lintAll(specs: readonly Spec[]): Promise<Problem[][]> {
  const scratch = await mkdtemp(join(tmpdir(), "spec-lint-"));
  try {
    const files = specs.map((_, index) => join(scratch, `${index}.yaml`));
    await Promise.all(
      specs.map((spec, index) => writeFile(files[index] as string, stringify(spec))),
    );
    const args = ["lint", ...files, "--config", join(specDir, "redocly.yaml"), "--format=json"];
    const output = await run(process.execPath, [redocly, ...args], {
      cwd: specDir,
      maxBuffer: 64 * 1024 * 1024,
    }).catch(
      // Redocly exits 1 when it finds an error; its report is what this reads.
      (error: { stdout?: string; stderr?: string }) => error,
    );
    const reports = (output.stdout ?? "").split(/(?<=\n\})(?=\{\n {2}"totals")/);
    if (reports.length !== specs.length) {
      throw new Error(
        `redocly lint gave ${reports.length} reports for ${specs.length} specs:\n${output.stderr}`,
      );
    }
    return reports.map((report) => (JSON.parse(report) as { problems: Problem[] }).problems);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const original = loadSpec();
let committed: Problem[];
let broken: Problem[][];

beforeAll(async () => {
  [committed = [], ...broken] = await lintAll([
    original,
    ...brokenSpecs.map(({ change }) => mutated(original, change)),
  ]);
});

const errorsOf = (problems: readonly Problem[]) =>
  problems.filter((problem) => problem.severity === "error");

describe("spec lint", () => {
  it("passes on the committed spec", () => {
    expect(errorsOf(committed)).toEqual([]);
  });

  it.each(brokenSpecs.map((spec, index) => ({ ...spec, index })))(
    "fails on $broken ($rule)",
    ({ rule, index }) => {
      const errors = errorsOf(broken[index] ?? []);
      expect(
        errors.map((problem) => problem.ruleId),
        JSON.stringify(errors, null, 2),
      ).toContain(rule);
    },
  );
});

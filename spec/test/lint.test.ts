// The lint ruleset is what stops a broken spec from reaching review, so each
// rule of redocly.yaml is proven here against a spec that breaks it.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  invite,
  loadSpec,
  mutated as mutatedFrom,
  type Spec,
  specDir,
} from "./support/spec-document.js";

const run = promisify(execFile);

let original: Spec;
let scratch: string;

beforeAll(async () => {
  original = loadSpec();
  scratch = await mkdtemp(join(tmpdir(), "spec-lint-"));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

async function lint(spec: Spec): Promise<{ ok: boolean; output: string }> {
  const file = join(scratch, `${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(file, stringify(spec));
  try {
    const { stdout, stderr } = await run(
      "redocly",
      ["lint", file, "--config", join(specDir, "redocly.yaml"), "--format=stylish"],
      { cwd: specDir, env: { ...process.env, NO_COLOR: "1" } },
    );
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { ok: false, output: stdout + stderr };
  }
}

const mutated = (change: (spec: Spec) => void) => mutatedFrom(original, change);

describe("spec lint", () => {
  it("passes on the committed spec", async () => {
    const result = await lint(original);
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  });

  it.each([
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
        delete spec.components.responses.SystemError.content["application/json"].examples
          .systemError.value.code;
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
      rule: "media-type-has-example",
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
  ])("fails on $broken ($rule)", async ({ change, rule }) => {
    const result = await lint(mutated(change));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(rule);
  });
});

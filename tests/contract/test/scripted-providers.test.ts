// The provider checks must bite on their own: loopback providers that answer
// like DingTalk, or differ from the spec in one way each, and every difference
// has to fail its check with a message that names it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invitationOfNoOne, providerChecks } from "../src/provider-checks.js";
import { requestSchemaOf } from "../src/request-examples.js";
import { schemaErrors } from "../src/schema-validator.js";
import { operationById } from "../src/spec.js";
import type { ContractTarget } from "../src/targets.js";
import {
  conformingScript,
  type ProviderScript,
  type ScriptedProvider,
  startScriptedProvider,
  targetOf,
} from "./support/scripted-provider.js";

let provider: ScriptedProvider;
let target: ContractTarget;
beforeAll(async () => {
  provider = await startScriptedProvider();
  target = targetOf(provider);
});
afterAll(() => provider.close());

/** The problems each check finds with a provider that follows `script`, by check name. */
async function problemsWith(script: ProviderScript): Promise<Record<string, string[]>> {
  provider.script = script;
  const problems: Record<string, string[]> = {};
  for (const check of providerChecks) problems[check.name] = await check.run(target);
  return problems;
}

const json = "application/json";
const envelope = (code: string) =>
  JSON.stringify({ code, message: "refused", requestid: "0A1B2C3D-0000-0000-0000-000000000000" });

describe("the provider checks", () => {
  it("send an invitation the schema accepts and that names no one to ring", () => {
    expect(schemaErrors(requestSchemaOf(operationById("inviteUsers")), invitationOfNoOne)).toEqual(
      [],
    );
    expect(Object.values(invitationOfNoOne).every((list) => list.length === 0)).toBe(true);
  });

  it("pass a provider that answers as the spec documents", async () => {
    const problems = await problemsWith(conformingScript);
    expect(Object.values(problems).flat()).toEqual([]);
    expect(Object.keys(problems)).toHaveLength(providerChecks.length);
  });

  it.each([
    [
      "a bad token answered with 401",
      "refuses an invalid token as documented",
      { unknownToken: { status: 401, contentType: json, body: envelope("InvalidAuthentication") } },
      /with an invalid token was answered 401, where the spec documents 400/,
    ],
    [
      "a missing token answered with 403",
      "refuses a request without a token as documented",
      {
        noToken: {
          status: 403,
          contentType: json,
          body: envelope("AuthenticationFailed.MissingParameter"),
        },
      },
      /without a token was answered 403, where the spec documents 400/,
    ],
    [
      "a missing token answered with an HTML page",
      "refuses a request without a token as documented",
      { noToken: { status: 400, contentType: "text/html", body: "<h1>Bad Request</h1>" } },
      /without a token was answered 400 with a body that is not JSON \(text\/html/,
    ],
    [
      "a bad token answered with another code",
      "refuses an invalid token as documented",
      { unknownToken: { status: 400, contentType: json, body: envelope("paramsError") } },
      /answered with code "paramsError", where the spec documents InvalidAuthentication[\s\S]*came out of the client as ParamsError/,
    ],
    [
      "success answered as a string",
      "answers an invitation of no one as documented",
      { validToken: { status: 200, contentType: json, body: '{"success":"true"}' } },
      /response_schema_conformance: 200 body \/success must be boolean/,
    ],
  ])(
    "fail a provider with %s, in that check alone",
    async (_why, failingCheck, change, message) => {
      const problems = await problemsWith({ ...conformingScript, ...change });
      expect(problems[failingCheck]?.join("\n")).toMatch(message);
      const others = Object.entries(problems).filter(([name]) => name !== failingCheck);
      expect(others.flatMap(([, found]) => found)).toEqual([]);
    },
  );
});

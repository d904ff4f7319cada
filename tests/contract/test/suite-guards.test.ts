// The suite derives its cases from the spec; where the spec outgrows what the
// suite understands, it must stop with a message saying what to teach it.
import { documentedResponses } from "@dingtalk-conference/mock";
import {
  type Operation,
  operationsOf,
  SpecDocumentError,
} from "@dingtalk-conference/spec/document";
import { describe, expect, it } from "vitest";
import { expectedErrorClass, UnknownErrorClassError } from "../src/expected-errors.js";
import { documentedRefusal } from "../src/provider-checks.js";
import {
  requestExamplesOf,
  requestSchemaOf,
  UnsendableRequestError,
} from "../src/request-examples.js";
import { arbitraryOf, UnsupportedSchemaError } from "../src/schema-arbitrary.js";
import { ProviderSettingsError, providerSettings } from "../src/targets.js";

const specWith = (responses: Record<string, unknown>) => ({
  paths: { "/x": { get: { operationId: "getX", responses } } },
});

describe("the suite refuses what it cannot check", () => {
  it("an error code the spec names no client error class for", () => {
    expect(() => expectedErrorClass("brandNewError")).toThrow(UnknownErrorClassError);
    expect(() => expectedErrorClass("brandNewError")).toThrow(/"brandNewError".*x-client-error/);
  });

  const errorExample = (example: Record<string, unknown>) =>
    operationsOf(
      specWith({
        "400": {
          description: "refused",
          content: { "application/json": { examples: { refused: example } } },
        },
      }),
    );

  it.each([
    [{ value: { code: "refused" } }, /getX → 400 refused: the example has no x-client-error/],
    [
      { value: { code: "refused" }, "x-client-error": "ConferenceClientError" },
      /getX → 400 refused: x-client-error "ConferenceClientError" names no DingTalkApiError class.*; name one in spec\/openapi\.yaml, or add the class to packages\/client\/src\/errors\.ts$/,
    ],
    [
      { value: { code: "refused" }, "x-client-error": "NoSuchError" },
      /getX → 400 refused: x-client-error "NoSuchError" names no DingTalkApiError class.*; name one in spec\/openapi\.yaml/,
    ],
  ])("an error example that names no client error class: %j", (example, message) => {
    const operations = errorExample(example);
    expect(() => expectedErrorClass("refused", operations)).toThrow(UnknownErrorClassError);
    expect(() => expectedErrorClass("refused", operations)).toThrow(message);
  });

  it("two examples of one code that name different classes", () => {
    const operations = operationsOf(
      specWith({
        "400": {
          description: "refused",
          content: {
            "application/json": {
              examples: {
                asParams: { value: { code: "refused" }, "x-client-error": "ParamsError" },
                asSystem: { value: { code: "refused" }, "x-client-error": "SystemError" },
              },
            },
          },
        },
      }),
    );
    expect(() => expectedErrorClass("refused", operations)).toThrow(
      /400 asSystem: x-client-error SystemError contradicts ParamsError of getX → 400 asParams, for the same code "refused"; make both name one class in spec\/openapi\.yaml$/,
    );
  });

  const operationWith = (parameter: Record<string, unknown>) =>
    operationsOf({
      paths: {
        "/x": { delete: { operationId: "closeX", parameters: [parameter], responses: {} } },
      },
    })[0] as Operation;

  it.each([
    [
      { name: "unionId", in: "query", required: true, schema: { type: "string" } },
      SpecDocumentError,
      /closeX: required query parameter "unionId" has no example to send; give it an `example` in spec\/openapi\.yaml/,
    ],
    [
      { name: "session", in: "cookie", example: "s" },
      UnsendableRequestError,
      /closeX: cookie parameter "session" cannot be sent.*tests\/contract\/src\/request-examples\.ts/,
    ],
  ])("a parameter the suite cannot send: %j", (parameter, errorClass, message) => {
    const operation = operationWith(parameter);
    expect(() => requestExamplesOf(operation)).toThrow(errorClass);
    expect(() => requestExamplesOf(operation)).toThrow(message);
  });

  it("a status range Prism cannot be asked for", () => {
    expect(() => documentedResponses(specWith({ "4XX": { description: "any" } }))).toThrow(
      /getX: response "4XX" is not an exact status code.*; document each status it stands for in spec\/openapi\.yaml$/,
    );
  });

  it("an operation without the JSON request schema its properties need", () => {
    const operation = operationWith({ name: "id", in: "query", example: "1" });
    expect(() => requestSchemaOf(operation)).toThrow(SpecDocumentError);
    expect(() => requestSchemaOf(operation)).toThrow(
      new SpecDocumentError(
        "closeX: no application/json request schema; give its requestBody one in spec/openapi.yaml",
      ),
    );
  });

  it("a spec without the error example a provider check compares with", () => {
    expect(() => documentedRefusal("InvalidAuthentication", [])).toThrow(SpecDocumentError);
    expect(() => documentedRefusal("InvalidAuthentication", [])).toThrow(
      new SpecDocumentError(
        "inviteUsers: no InvalidAuthentication error example with a code, which the provider checks compare the server's answer with; restore it in spec/openapi.yaml, or change tests/contract/src/provider-checks.ts",
      ),
    );
  });

  it("a schema keyword the generator does not honour", () => {
    const schema = { type: "object", properties: { a: { type: "string", pattern: "^x" } } };
    expect(() => arbitraryOf(schema)).toThrow(UnsupportedSchemaError);
    expect(() => arbitraryOf(schema)).toThrow(/#\/properties\/a: keyword "pattern"/);
  });
});

describe("providerSettings", () => {
  it("skips with the variables to set when none is set", () => {
    expect(providerSettings({})).toEqual({
      skipReason: expect.stringContaining("CONTRACT_BASE_URL"),
    });
  });

  it("stops on half a configuration, naming what is missing", () => {
    expect(() => providerSettings({ CONTRACT_BASE_URL: "https://x" })).toThrow(
      ProviderSettingsError,
    );
    expect(() => providerSettings({ CONTRACT_BASE_URL: "https://x" })).toThrow(
      new ProviderSettingsError(
        "provider checks need CONTRACT_BASE_URL, CONTRACT_ACCESS_TOKEN, CONTRACT_CONFERENCE_ID; missing: CONTRACT_ACCESS_TOKEN, CONTRACT_CONFERENCE_ID",
      ),
    );
  });

  it("points at the upstream when all are set", () => {
    const env = {
      CONTRACT_BASE_URL: "https://x",
      CONTRACT_ACCESS_TOKEN: "t",
      CONTRACT_CONFERENCE_ID: "c",
    };
    expect(providerSettings(env)).toEqual({
      upstream: "https://x",
      accessToken: "t",
      conferenceId: "c",
    });
  });
});

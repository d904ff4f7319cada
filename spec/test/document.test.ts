// The shared reader of the spec: every package's $ref handling and example
// extraction is this module, so its edge cases are pinned here once.
import { describe, expect, it } from "vitest";
import {
  dereference,
  examplePathParams,
  loadSpec,
  operationsOf,
  parameterExamples,
  requestExamplesOf,
  resolvePointer,
  responsesOf,
  SpecDocumentError,
  securityHeadersOf,
} from "../src/document.js";
import { invitePath } from "./support/spec-document.js";

const onePath = (operation: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  paths: { "/things/{id}": { post: { operationId: "postThing", ...operation } } },
  ...extra,
});

describe("resolvePointer", () => {
  const document = {
    paths: { "/a/{id}": { get: "found by a path key" } },
    "tilde~key": { "slash/key": 1 },
    list: ["zero", "one"],
  };

  it("percent-decodes, then unescapes ~1 and ~0", () => {
    expect(resolvePointer(document, "#/paths/~1a~1%7Bid%7D/get")).toBe("found by a path key");
    expect(resolvePointer(document, "#/tilde~0key/slash~1key")).toBe(1);
    expect(resolvePointer(document, "#/list/1")).toBe("one");
    expect(resolvePointer(document, "#")).toBe(document);
  });

  it("names the $ref that points nowhere, is not local, or is malformed", () => {
    expect(() => resolvePointer(document, "#/paths/missing")).toThrow(
      new SpecDocumentError('$ref "#/paths/missing" points nowhere'),
    );
    expect(() => resolvePointer(document, "other.yaml#/x")).toThrow(
      /only local \$refs.*other\.yaml/,
    );
    expect(() => resolvePointer(document, "#/paths/%E0%A4%A")).toThrow(/malformed percent-escape/);
  });
});

describe("dereference", () => {
  it("inlines every $ref, lets siblings win, and leaves the input untouched", () => {
    const document = {
      components: { schemas: { Name: { type: "string", description: "shared" } } },
      use: { $ref: "#/components/schemas/Name", description: "local" },
    };
    const copy = structuredClone(document);
    expect(dereference(document)).toMatchObject({
      use: { type: "string", description: "local" },
    });
    expect(document).toEqual(copy);
  });

  it("refuses a sibling keyword its target holds too, which one copy cannot keep both of", () => {
    const document = {
      components: { schemas: { Name: { type: "string" } } },
      use: { $ref: "#/components/schemas/Name", type: "integer" },
    };
    expect(() => dereference(document)).toThrow(
      '$ref "#/components/schemas/Name" has a sibling `type` that its target has too; combine the two with allOf',
    );
  });

  it("stops on a recursive $ref, naming the cycle", () => {
    const document = {
      a: { child: { $ref: "#/b" } },
      b: { child: { $ref: "#/a" } },
      root: { $ref: "#/a" },
    };
    expect(() => dereference(document)).toThrow("recursive $ref #/b → #/a → #/b");
  });
});

describe("operationsOf", () => {
  it("merges path-level parameters, the operation's winning on name and place", () => {
    const document = {
      paths: {
        "/things/{id}": {
          parameters: [
            { name: "id", in: "path", description: "shared" },
            { name: "trace", in: "header" },
          ],
          get: {
            operationId: "getThing",
            parameters: [{ name: "id", in: "path", description: "own" }],
          },
        },
      },
    };
    const [operation] = operationsOf(document);
    expect(operation?.parameters).toEqual([
      { name: "trace", in: "header" },
      { name: "id", in: "path", description: "own" },
    ]);
  });

  it("resolves security schemes, the operation's requirement over the document's", () => {
    const schemes = {
      components: { securitySchemes: { key: { type: "apiKey", in: "header", name: "X-Key" } } },
      security: [{ key: [] }],
    };
    const [inherits] = operationsOf(onePath({}, schemes));
    const [opensUp] = operationsOf(onePath({ security: [] }, schemes));
    expect(inherits && securityHeadersOf(inherits)).toEqual(["X-Key"]);
    expect(opensUp && securityHeadersOf(opensUp)).toEqual([]);
  });

  it("reads x-contract-safe, false when absent, and names a value that is not a boolean", () => {
    const [marked] = operationsOf(onePath({ "x-contract-safe": true }));
    const [unmarked] = operationsOf(onePath({}));
    expect([marked?.contractSafe, unmarked?.contractSafe]).toEqual([true, false]);
    expect(() => operationsOf(onePath({ "x-contract-safe": "yes" }))).toThrow(
      new SpecDocumentError('POST /things/{id}: x-contract-safe must be true or false, got "yes"'),
    );
  });

  it("names an operation without operationId, and an unknown security scheme", () => {
    expect(() => operationsOf({ paths: { "/x": { get: {} } } })).toThrow(
      "GET /x has no operationId",
    );
    expect(() => operationsOf(onePath({ security: [{ nowhere: [] }] }))).toThrow(
      'POST /things/{id}: security scheme "nowhere" is not under components.securitySchemes',
    );
  });
});

describe("examples", () => {
  it("reads named request examples, or a lone `example`", () => {
    const named = operationsOf(
      onePath({
        requestBody: {
          content: { "application/json": { examples: { one: { summary: "s", value: 1 } } } },
        },
      }),
    )[0];
    const lone = operationsOf(
      onePath({ requestBody: { content: { "application/json": { example: 2 } } } }),
    )[0];
    expect(named && requestExamplesOf(named)).toEqual([{ name: "one", summary: "s", value: 1 }]);
    expect(lone && requestExamplesOf(lone)).toEqual([{ name: "example", value: 2 }]);
  });

  it("names the operation whose request or path parameter has no example", () => {
    const [bare] = operationsOf(onePath({ parameters: [{ name: "id", in: "path" }] }));
    if (!bare) throw new Error("no operation");
    expect(() => requestExamplesOf(bare)).toThrow(
      "postThing: the spec names no application/json request example",
    );
    expect(() => examplePathParams(bare)).toThrow(
      new SpecDocumentError(
        "postThing: path parameter {id} has no example to put in the URL; give it an `example` in spec/openapi.yaml",
      ),
    );
  });

  it("gives the query and header parameters' examples (its own, else its schema's first), leaving out an optional one without", () => {
    const [operation] = operationsOf(
      onePath({
        parameters: [
          { name: "unionId", in: "query", required: true, example: "u1" },
          { name: "ids", in: "query", schema: { examples: [["a", "b"]] } },
          { name: "page", in: "query", schema: { type: "integer" } },
          { name: "x-trace", in: "header", example: 7, schema: { examples: [8] } },
          { name: "id", in: "path", example: "t1" },
        ],
      }),
    );
    if (!operation) throw new Error("no operation");
    expect(parameterExamples(operation, "query")).toEqual({ unionId: "u1", ids: ["a", "b"] });
    expect(parameterExamples(operation, "header")).toEqual({ "x-trace": 7 });
  });

  it("names a required query or header parameter without an example, and the file to give it one", () => {
    for (const location of ["query", "header"] as const) {
      const [operation] = operationsOf(
        onePath({ parameters: [{ name: "unionId", in: location, required: true }] }),
      );
      if (!operation) throw new Error("no operation");
      expect(() => parameterExamples(operation, location)).toThrow(
        new SpecDocumentError(
          `postThing: required ${location} parameter "unionId" has no example to send; give it an \`example\` in spec/openapi.yaml`,
        ),
      );
    }
  });

  it("lists every response, one entry for a bodiless or example-less one", () => {
    const [operation] = operationsOf(
      onePath({
        responses: {
          "200": {
            content: { "application/json": { examples: { a: { summary: "A", value: 1 } } } },
          },
          "202": { content: { "application/json": { schema: {} } } },
          "204": { description: "no body" },
        },
      }),
    );
    expect(operation && responsesOf(operation)).toEqual([
      {
        status: "200",
        contentType: "application/json",
        exampleName: "a",
        summary: "A",
        example: 1,
      },
      { status: "202", contentType: "application/json" },
      { status: "204" },
    ]);
  });

  it("gives the client error class an example's x-client-error names", () => {
    const [operation] = operationsOf(
      onePath({
        responses: {
          "400": {
            content: {
              "application/json": {
                examples: { bad: { value: { code: "bad" }, "x-client-error": "ParamsError" } },
              },
            },
          },
        },
      }),
    );
    expect(operation && responsesOf(operation)).toEqual([
      {
        status: "400",
        contentType: "application/json",
        exampleName: "bad",
        example: { code: "bad" },
        clientError: "ParamsError",
      },
    ]);
  });

  it.each([
    ["", '""'],
    [42, "42"],
    ["Params Error", '"Params Error"'],
  ])("names the example whose x-client-error %j is no class name", (name, shown) => {
    const [operation] = operationsOf(
      onePath({
        responses: {
          "400": {
            content: { "application/json": { examples: { bad: { "x-client-error": name } } } },
          },
        },
      }),
    );
    if (!operation) throw new Error("no operation");
    expect(() => responsesOf(operation)).toThrow(
      new SpecDocumentError(
        `postThing → 400 bad: x-client-error must name a class of @dingtalk-conference/client, got ${shown}`,
      ),
    );
  });
});

describe("the committed spec", () => {
  it("yields the invite operation with its examples and access-token header", () => {
    const spec = loadSpec() as {
      components: { securitySchemes: Record<string, { name: string }> };
    };
    const invite = operationsOf(spec).find((op) => op.pathTemplate === invitePath);
    if (!invite) throw new Error(`no operation at ${invitePath}`);
    expect(Object.keys(examplePathParams(invite))).toEqual(["conferenceId"]);
    expect(requestExamplesOf(invite).length).toBeGreaterThan(0);
    expect(securityHeadersOf(invite)).toEqual(
      Object.values(spec.components.securitySchemes).map((scheme) => scheme.name),
    );
  });

  it("gives the vendor page's example access token, as its request example sends it", () => {
    const spec = loadSpec() as {
      components: { securitySchemes: Record<string, { name: string; description: string }> };
    };
    const [scheme] = Object.values(spec.components.securitySchemes);
    expect(scheme?.description).toContain(`\`${scheme?.name}: 0198da4df0e33395904073f1b8a192da\``);
  });

  it("names the client error class of every error example", () => {
    const errorExamples = operationsOf(loadSpec())
      .flatMap(responsesOf)
      .filter((response) => /^[45]/.test(response.status));
    expect(errorExamples.length).toBeGreaterThan(0);
    for (const response of errorExamples) {
      expect(response.clientError, `${response.status} ${response.exampleName}`).toMatch(/Error$/);
    }
  });
});

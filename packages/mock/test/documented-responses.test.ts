// The cases Prism can be asked for, and the header that asks, on small
// hand-made documents. That Prism answers these headers with the documented
// response is proven on the committed spec by cli.test.ts.
import { describe, expect, it } from "vitest";
import {
  describeResponse,
  documentedResponses,
  preferHeader,
  UnaskableResponseError,
} from "../src/documented-responses.js";

const specWith = (responses: Record<string, unknown>) => ({
  paths: { "/x": { get: { operationId: "getX", responses } } },
});

describe("documentedResponses", () => {
  it("makes one case per named example, and one for a response without a body", () => {
    const cases = documentedResponses(
      specWith({
        "200": {
          content: {
            "application/json": { examples: { a: { summary: "A", value: 1 }, b: { value: 2 } } },
          },
        },
        "204": { description: "no body" },
      }),
    );
    expect(cases.map((c) => [c.status, c.exampleName, c.summary, c.example])).toEqual([
      [200, "a", "A", 1],
      [200, "b", undefined, 2],
      [204, undefined, undefined, undefined],
    ]);
  });

  it("refuses a status range or default, which Prism's Prefer header cannot select", () => {
    for (const status of ["4XX", "default"]) {
      expect(() => documentedResponses(specWith({ [status]: { description: "any" } }))).toThrow(
        new UnaskableResponseError(
          `getX: response "${status}" is not an exact status code, so Prism cannot be asked for it; document each status it stands for in spec/openapi.yaml`,
        ),
      );
    }
  });
});

describe("preferHeader", () => {
  it("names the example when there is one", () => {
    expect(preferHeader({ status: 400, exampleName: "InvalidParameter" })).toBe(
      "code=400, example=InvalidParameter",
    );
    expect(preferHeader({ status: 204 })).toBe("code=204");
  });
});

describe("describeResponse", () => {
  it("names the operation, status and example, then the summary", () => {
    const [named, bodiless] = documentedResponses(
      specWith({
        "200": { content: { "application/json": { examples: { a: { summary: "A", value: 1 } } } } },
        "204": { description: "no body" },
      }),
    );
    expect([named, bodiless].map((c) => c && describeResponse(c))).toEqual([
      "getX 200 a — A",
      "getX 204",
    ]);
  });
});

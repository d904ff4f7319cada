// The request that asks the mock for one documented response, built from the
// spec's examples alone, on a small hand-made document. That the mock answers
// these requests as documented is proven on the committed spec by cli.test.ts.
import { describe, expect, it } from "vitest";
import { curlCommand, exampleAccessToken, requestFor } from "../src/documented-requests.js";
import { documentedResponses } from "../src/documented-responses.js";

/** A DELETE like DingTalk's "close a video conference": no body, a required query parameter. */
const closeConference = {
  components: {
    securitySchemes: { token: { type: "apiKey", in: "header", name: "x-token" } },
  },
  paths: {
    "/conferences/{conferenceId}": {
      delete: {
        operationId: "closeConference",
        security: [{ token: [] }],
        parameters: [
          { name: "conferenceId", in: "path", required: true, example: "c 1" },
          { name: "unionId", in: "query", required: true, example: "u&1" },
          { name: "tags", in: "query", schema: { examples: [["a", "b"]] } },
          { name: "page", in: "query", schema: { type: "integer" } },
          { name: "x-trace", in: "header", example: 7 },
        ],
        responses: {
          "200": { content: { "application/json": { examples: { closed: { value: {} } } } } },
        },
      },
    },
  },
};

describe("requestFor", () => {
  const [closed] = documentedResponses(closeConference);
  if (!closed) throw new Error("no documented response");

  it("sends the query and header parameters' examples, as the client would, and no body", () => {
    expect(requestFor(closed)).toEqual({
      method: "DELETE",
      path: "/conferences/c%201?unionId=u%261&tags=a&tags=b",
      headers: {
        Prefer: "code=200, example=closed",
        "x-trace": "7",
        "x-token": exampleAccessToken,
      },
    });
  });

  it("puts them in the curl line", () => {
    expect(curlCommand(requestFor(closed), "http://127.0.0.1:4010")).toBe(
      "curl -sS -X DELETE 'http://127.0.0.1:4010/conferences/c%201?unionId=u%261&tags=a&tags=b' -H 'Prefer: code=200, example=closed' -H 'x-trace: 7' -H 'x-token: mock-access-token'",
    );
  });
});

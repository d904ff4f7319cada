import { describe, expect, it } from "vitest";
import * as clientExports from "../src/index.js";
import {
  ConferenceClientError,
  DingTalkApiError,
  SystemError,
  ThrottledError,
} from "../src/index.js";
import { rejectionOf, testClient } from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";
import { type DocumentedExample, documentedExamples } from "./fixtures/spec.js";

type ApiErrorClass = abstract new (...args: never[]) => DingTalkApiError;

/**
 * The class a documented error must surface as (the public API's contract):
 * the one its x-client-error names among the client's exports.
 */
function classNamedBy(example: DocumentedExample): ApiErrorClass {
  const where = `${example.status} ${example.name}`;
  if (example.clientError === undefined) {
    throw new Error(`${where}: the spec names no x-client-error for it`);
  }
  const exported: unknown = (clientExports as Record<string, unknown>)[example.clientError];
  if (
    typeof exported !== "function" ||
    !(exported === DingTalkApiError || exported.prototype instanceof DingTalkApiError)
  ) {
    throw new Error(
      `${where}: x-client-error "${example.clientError}" names no DingTalkApiError class the client exports`,
    );
  }
  return exported as ApiErrorClass;
}

const documented = documentedExamples("inviteUsers");

it("every documented error example names a client error class that exists", () => {
  expect(documented.length).toBeGreaterThan(0);
  expect(documented.map((example) => classNamedBy(example).name)).toEqual(
    documented.map((example) => example.clientError),
  );
});

describe("errors", () => {
  const server = useTestServer();
  // No retries: each test sees the first answer's error.
  const client = () => testClient(server().url, { maxRetries: 0 });

  it.each(documented)("$status $name → its typed error with the body's facts", async (example) => {
    server().reply({ status: example.status, json: example.body });

    const error = await rejectionOf(client().inviteUsers("c", {}));

    const expectedClass = classNamedBy(example);
    expect(error).toBeInstanceOf(expectedClass);
    expect(error).toBeInstanceOf(DingTalkApiError);
    expect(error).toBeInstanceOf(ConferenceClientError);
    expect(error).toMatchObject({
      name: expectedClass.name,
      status: example.status,
      code: example.body.code,
      message: example.body.message,
      requestId: example.body.requestid,
      body: example.body,
      mayHaveActed: example.status >= 500,
    });
    expect((error as DingTalkApiError).headers).toBeInstanceOf(Headers);
    expect((error as DingTalkApiError).headers.get("content-type")).toBe("application/json");
    expect(server().requests).toHaveLength(1);
  });

  it("takes the request ID from the x-acs-request-id header when the body has none", async () => {
    server().reply({
      status: 400,
      json: { code: "paramsError", message: "error:%s" },
      headers: { "x-acs-request-id": "HDR-7" },
    });
    const error = await rejectionOf(client().inviteUsers("c", {}));
    expect(error).toMatchObject({ requestId: "HDR-7" });
  });

  it("turns a gateway's HTML 502 into a DingTalkApiError with the status and a snippet", async () => {
    const html = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(5000)}</body></html>`;
    server().reply({ status: 502, text: html });

    const error = await rejectionOf(client().inviteUsers("c", {}));

    expect(error).toBeInstanceOf(DingTalkApiError);
    expect(error).not.toBeInstanceOf(SystemError);
    const apiError = error as DingTalkApiError;
    expect(apiError).toMatchObject({
      status: 502,
      code: undefined,
      body: html,
      mayHaveActed: true,
    });
    expect(apiError.message).toContain("HTTP 502: <html> <head><title>502 Bad Gateway</title>");
    expect(apiError.message.length).toBeLessThan(300);
  });

  it.each([200, 403])(
    'surfaces the gateway ban {"status":1111,"wait":5} on a %i as throttling carrying the wait',
    async (status) => {
      server().reply({ status, json: { status: 1111, wait: 5, msg: "banned" } });
      const error = await rejectionOf(client().inviteUsers("c", {}));
      expect(error).toBeInstanceOf(ThrottledError);
      expect(error).toMatchObject({ status, retryAfterMs: 5000, mayHaveActed: false });
    },
  );

  it("surfaces the gateway's HTML ban page (a 403 that is not JSON) as throttling", async () => {
    server().reply({ status: 403, text: "<html><body>Access denied</body></html>" });
    const error = await rejectionOf(client().inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ status: 403, code: undefined, retryAfterMs: undefined });
  });

  it.each([
    ["2", 2000],
    ["0", 0],
  ])("reads Retry-After %s on a 429 as retryAfterMs %i", async (retryAfter, ms) => {
    server().reply({ status: 429, text: "", headers: { "retry-after": retryAfter } });
    const error = await rejectionOf(client().inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ThrottledError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: ms });
  });

  it("gives other statuses and codes as a plain DingTalkApiError", async () => {
    server().reply({ status: 404, json: { code: "notFound", message: "no such API" } });
    const error = await rejectionOf(client().inviteUsers("c", {}));
    expect(error?.constructor).toBe(DingTalkApiError);
    expect(error).toMatchObject({ status: 404, code: "notFound", mayHaveActed: false });
  });

  it("refuses a 200 whose body is not the documented answer, as possibly acted on", async () => {
    server().reply({ status: 200, text: "<html>maintenance</html>" });
    const error = await rejectionOf(client().inviteUsers("c", {}));
    expect(error).toBeInstanceOf(DingTalkApiError);
    expect(error).toMatchObject({ status: 200, mayHaveActed: true });
  });
});

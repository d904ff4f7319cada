import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  DingTalkApiError,
  ParamsError,
  type RequestEvent,
  type ResponseEvent,
  TimeoutError,
  ValidationError,
} from "../src/index.js";
import { maskPhoneNumber } from "../src/redact.js";
import { rejectionOf, TOKEN, testClient } from "./fixtures/client.js";
import { startServer, useTestServer } from "./fixtures/server.js";
import { manualTimeLimits } from "./fixtures/time-limits.js";

/** Every way an error gets printed or shipped to a log. */
function renderings(error: unknown): string[] {
  const asError = error as Error;
  return [
    asError.message,
    String(asError.stack),
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
    String(error),
  ];
}

describe("secrets", () => {
  const server = useTestServer();

  it.each([
    {
      case: "a JSON error echoing the token",
      reply: {
        status: 400,
        json: { code: "paramsError", message: `bad ${TOKEN}`, requestid: "R" },
      },
      expected: ParamsError,
    },
    {
      case: "an HTML page echoing the token",
      reply: { status: 502, text: `<pre>x-acs-dingtalk-access-token: ${TOKEN}</pre>` },
      expected: DingTalkApiError,
    },
    {
      // The body is checked before the token is taken out of it (only a failure needs that).
      case: "an unexpected 2xx echoing the token",
      reply: { status: 200, json: { [TOKEN]: TOKEN, echo: { success: TOKEN } } },
      expected: DingTalkApiError,
    },
    { case: "a dropped connection", reply: { destroy: true }, expected: ConnectionError },
    { case: "a timeout", reply: { hang: true }, expected: TimeoutError, timesOut: true },
  ])("keeps the token out of $case", async ({ reply, expected, timesOut }) => {
    const timeLimits = manualTimeLimits();
    server().reply(reply);
    const client = testClient(server().url, { timeoutMs: 500, maxRetries: 0 });
    const rejection = rejectionOf(client.inviteUsers("c", {}));
    await server().nextRequest();
    // The attempt's limit passes only once the server holds the request it times out.
    if (timesOut) timeLimits.pass(500);
    const error = await rejection;
    expect(error).toBeInstanceOf(expected);
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
    expect(server().requests[0]?.headers["x-acs-dingtalk-access-token"]).toBe(TOKEN);
  });

  it("keeps the token out of a refused connection's error", async () => {
    const closed = await startServer();
    await closed.close();
    const error = await rejectionOf(testClient(closed.url, { maxRetries: 0 }).inviteUsers("c", {}));
    for (const text of renderings(error)) expect(text).not.toContain(TOKEN);
  });

  it.each([
    { case: "a line break", accessToken: "secret-token\nx" },
    { case: "a character beyond Latin-1", accessToken: "secret-token\u20ac" },
  ])("refuses a token with $case before sending, without quoting it", async ({ accessToken }) => {
    const client = testClient(server().url, { accessToken, maxRetries: 0 });
    const error = await rejectionOf(client.inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      mayHaveActed: false,
      issues: [{ path: "accessToken", message: expect.any(String) }],
    });
    const cause = (error as Error).cause;
    for (const text of [...renderings(error), ...(cause ? renderings(cause) : [])]) {
      expect(text).not.toContain("secret-token");
    }
    expect(server().requests).toHaveLength(0);
  });

  it("redacts inside parsed values, so a token found in JSON syntax corrupts no answer", async () => {
    server().reply(
      { json: { success: true } },
      { status: 400, json: { code: "paramsError", message: "error:t", requestid: "R" } },
    );
    const client = testClient(server().url, { accessToken: "t", maxRetries: 0 });

    await expect(client.inviteUsers("c", {})).resolves.toMatchObject({ success: true });
    const error = await rejectionOf(client.inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ParamsError);
    expect(error).toMatchObject({
      code: "paramsError",
      message: expect.not.stringContaining(":t"),
    });
  });

  it("keeps the token out of the client object", () => {
    const client = testClient(server().url);
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(TOKEN);
  });

  it("gives hooks the request and response without the token, phone numbers masked", async () => {
    const requests: RequestEvent[] = [];
    const responses: ResponseEvent[] = [];
    server().reply({ json: { success: true }, headers: { "x-acs-request-id": "REQ-9" } });
    const client = testClient(server().url, {
      hooks: { onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) },
    });

    await client.inviteUsers("c", {
      inviteeList: [{ nick: "Test user" }],
      phoneInviteeList: [{ phoneNumber: "13800138000", nick: "Test phone user" }],
    });

    expect(requests).toEqual([
      {
        id: expect.any(String),
        method: "POST",
        url: `${server().url}/v1.0/conference/videoConferences/c/users/invite`,
        body: {
          inviteeList: [{ nick: "Test user" }],
          phoneInviteeList: [{ phoneNumber: "*******8000", nick: "Test phone user" }],
        },
      },
    ]);
    expect(responses).toEqual([
      {
        id: requests[0]?.id,
        method: "POST",
        url: requests[0]?.url,
        status: 200,
        requestId: "REQ-9",
        durationMs: expect.any(Number),
      },
    ]);
    const logged = JSON.stringify([requests, responses]);
    expect(logged).not.toContain(TOKEN);
    expect(logged).not.toContain("13800138000");
  });
});

describe("maskPhoneNumber", () => {
  it.each([
    ["13800138000", "*******8000"],
    ["+86 138 0013 8000", "+** *** **** 8000"],
    ["1234", "1234"],
  ])("masks %s as %s", (phoneNumber, masked) => {
    expect(maskPhoneNumber(phoneNumber)).toBe(masked);
  });
});

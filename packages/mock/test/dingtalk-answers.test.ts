// Where Prism alone answers differently from DingTalk, the mock answers as the
// spec says DingTalk does; Prism still reports what is wrong in sl-violations.
import { request } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { inviteBody, inviteExample, invitePath } from "./invite-request.js";

const url = inject("mockUrl") + invitePath;
const token = { "x-acs-dingtalk-access-token": "any-token" };
const json = { "content-type": "application/json" };

async function send(headers: Record<string, string>, body: string) {
  const response = await fetch(url, { method: "POST", headers, body });
  return {
    status: response.status,
    body: await response.json(),
    requestId: response.headers.get("x-acs-request-id"),
    violations: JSON.parse(response.headers.get("sl-violations") ?? "[]") as { message: string }[],
    allowOrigin: response.headers.get("access-control-allow-origin"),
  };
}

describe("a call without its access token", () => {
  it("gets 400 AuthenticationFailed.MissingParameter as the spec documents it, with a request id", async () => {
    const answer = await send(json, inviteBody);
    expect(answer).toMatchObject({
      status: 400,
      body: inviteExample(400, "AuthenticationFailed.MissingParameter"),
      violations: [],
    });
    expect(answer.requestId).toBe(answer.body.requestid);
  });

  it("still has its body checked: violations are reported beside the DingTalk answer", async () => {
    const answer = await send(json, JSON.stringify({ unknownField: 1 }));
    expect(answer.body).toEqual(inviteExample(400, "AuthenticationFailed.MissingParameter"));
    expect(answer.violations.map((v) => v.message)).toEqual([
      "Request body must NOT have additional properties; found 'unknownField'",
    ]);
  });
});

describe("a call with a token", () => {
  it("can still ask for the invalid-token answer with Prefer", async () => {
    const answer = await send(
      { ...json, ...token, prefer: "code=400, example=InvalidAuthentication" },
      inviteBody,
    );
    expect(answer).toMatchObject({
      status: 400,
      body: inviteExample(400, "InvalidAuthentication"),
    });
    expect(answer.requestId).toBe(answer.body.requestid);
  });

  it("gets 400 paramsError at once for a body that is not JSON", async () => {
    const answer = await send({ ...json, ...token }, '{"unionId": "cut off');
    expect(answer).toMatchObject({ status: 400, body: inviteExample(400, "paramsError") });
    expect(answer.requestId).toBe(answer.body.requestid);
    expect(answer.violations.map((v) => v.message)).toEqual(["Request body must be object"]);
  });

  it("gets Prism's 400 naming a field in any script, and the mock stays up", async () => {
    const answer = await send({ ...json, ...token }, JSON.stringify({ 会议: 1, "👩‍💻": 2 }));
    expect(answer).toMatchObject({ status: 400, body: inviteExample(400, "paramsError") });
    expect(answer.violations.map((v) => v.message)).toEqual([
      "Request body must NOT have additional properties; found '会议'",
      "Request body must NOT have additional properties; found '👩‍💻'",
    ]);
    expect((await send({ ...json, ...token }, inviteBody)).status).toBe(200);
  });
});

describe("CORS, for pages in a browser", () => {
  it("answers a preflight for the call with the token header", async () => {
    const preflight = await fetch(url, {
      method: "OPTIONS",
      headers: {
        origin: "http://page.test",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,x-acs-dingtalk-access-token",
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      "access-control-allow-origin": "http://page.test",
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "content-type,x-acs-dingtalk-access-token",
    });
  });

  it("allows the page to read the answers the mock rewrites", async () => {
    const missingToken = await send({ ...json, origin: "http://page.test" }, inviteBody);
    const notJson = await send({ ...json, ...token, origin: "http://page.test" }, "x");
    expect([missingToken.allowOrigin, notJson.allowOrigin]).toEqual([
      "http://page.test",
      "http://page.test",
    ]);
  });
});

describe("connections", () => {
  it("are kept open a minute when idle, so a client reusing one a few seconds later is not reset", async () => {
    const keepAlive = await new Promise<string | string[] | undefined>((resolve, reject) => {
      const call = request(url, { method: "POST", headers: { ...token, ...json } });
      call.once("response", (answer) => {
        answer.resume();
        resolve(answer.headers["keep-alive"]);
      });
      call.once("error", reject);
      call.end(inviteBody);
    });
    expect(keepAlive).toBe("timeout=60");
  });
});

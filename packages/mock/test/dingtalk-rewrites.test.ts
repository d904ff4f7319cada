// Which requests the mock rewrites before Prism sees them, and which it leaves
// alone. What Prism then answers is tested on the running mock
// (dingtalk-answers.test.ts).
import { loadSpec } from "@dingtalk-conference/spec/document";
import { describe, expect, it } from "vitest";
import { dingTalkRewrites, type ForwardedRequest } from "../src/dingtalk-rewrites.js";
import { inviteBody, invitePath } from "./invite-request.js";

const spec = loadSpec();
const mock = dingTalkRewrites(spec, { mock: true });
const proxy = dingTalkRewrites(spec, { mock: false });
const invite = (headers: ForwardedRequest["headers"], body = inviteBody): ForwardedRequest => ({
  method: "POST",
  url: `${invitePath}?x=1`,
  headers: { "content-type": "application/json", ...headers },
  body: Buffer.from(body),
});
const token = { "x-acs-dingtalk-access-token": "t" };

describe("the mock's rewrites", () => {
  it("leaves a call with a token and a JSON body as it is, its Prefer included", () => {
    const call = invite({ ...token, prefer: "code=400, example=InvalidAuthentication" });
    expect(mock(call)).toEqual(call);
  });

  it("gives a call without a token a stand-in one, and asks for DingTalk's answer", () => {
    const { headers, body } = mock(invite({ prefer: "code=200" }));
    expect(headers["x-acs-dingtalk-access-token"]).toBeTruthy();
    expect(headers.prefer).toBe("code=400, example=AuthenticationFailed.MissingParameter");
    expect(body.toString()).toBe(inviteBody);
  });

  it("sends a body that is not JSON as a JSON string, and asks for paramsError", () => {
    const { headers, body } = mock(invite({ ...token }, "{nope"));
    expect(JSON.parse(body.toString())).toBe("{nope");
    expect(headers.prefer).toBe("code=400, example=paramsError");
  });

  it("leaves operations without a token, and paths the spec does not have, to Prism", () => {
    const accessToken = { ...invite({}), url: "/v1.0/oauth2/accessToken" };
    const elsewhere = { ...invite({}), url: "/v1.0/elsewhere" };
    expect([mock(accessToken), mock(elsewhere)]).toEqual([accessToken, elsewhere]);
  });

  it("as a proxy, lets the provider answer a call without a token", () => {
    const call = invite({});
    expect(proxy(call)).toEqual(call);
  });
});

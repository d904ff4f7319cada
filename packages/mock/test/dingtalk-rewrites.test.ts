// Which requests the mock rewrites before Prism sees them, and which of
// Prism's answers before the caller sees them. What the running mock answers
// is tested in dingtalk-answers.test.ts.
import { loadSpec } from "@dingtalk-conference/spec/document";
import { describe, expect, it } from "vitest";
import {
  dingTalkRewrites,
  type ForwardedAnswer,
  type ForwardedRequest,
} from "../src/dingtalk-rewrites.js";
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
    expect(mock.request(call)).toEqual(call);
  });

  it("gives a call without a token a stand-in one, and asks for DingTalk's answer", () => {
    const { headers, body } = mock.request(invite({ prefer: "code=200" }));
    expect(headers["x-acs-dingtalk-access-token"]).toBeTruthy();
    expect(headers.prefer).toBe("code=400, example=AuthenticationFailed.MissingParameter");
    expect(body.toString()).toBe(inviteBody);
  });

  it("sends a body that is not JSON as a JSON string, and asks for paramsError", () => {
    const { headers, body } = mock.request(invite({ ...token }, "{nope"));
    expect(JSON.parse(body.toString())).toBe("{nope");
    expect(headers.prefer).toBe("code=400, example=paramsError");
  });

  it("leaves operations without a token, and paths the spec does not have, to Prism", () => {
    const accessToken = { ...invite({}), url: "/v1.0/oauth2/accessToken" };
    const elsewhere = { ...invite({}), url: "/v1.0/elsewhere" };
    expect([mock.request(accessToken), mock.request(elsewhere)]).toEqual([accessToken, elsewhere]);
  });

  it("as a proxy, lets the provider answer a call without a token", () => {
    const call = invite({});
    expect(proxy.request(call)).toEqual(call);
  });
});

describe("the mock's answer rewrite", () => {
  const answer = (status: number, contentType: string, body: unknown): ForwardedAnswer => ({
    status,
    headers: { "content-type": contentType, "x-acs-request-id": "FROM-THE-HEADER-EXAMPLE" },
    body: Buffer.from(typeof body === "string" ? body : JSON.stringify(body)),
  });
  const refused = { code: "paramsError", message: "m", requestid: "FROM-THE-BODY" };

  it("gives a JSON error answer its body's requestid as x-acs-request-id", () => {
    const rewritten = mock.answer(answer(400, "application/json; charset=utf-8", refused));
    expect(rewritten.headers["x-acs-request-id"]).toBe("FROM-THE-BODY");
    expect(rewritten.body.toString()).toBe(JSON.stringify(refused));
  });

  it("leaves a success, a body without requestid, and a body that is not JSON as they are", () => {
    const untouched = [
      answer(200, "application/json", { success: true, requestid: "FROM-THE-BODY" }),
      answer(400, "application/json", { code: "paramsError", message: "m" }),
      answer(502, "text/plain", "requestid"),
    ];
    expect(untouched.map(mock.answer)).toEqual(untouched);
  });

  it("as a proxy, leaves the provider's answer as it is", () => {
    const fromProvider = answer(400, "application/json", refused);
    expect(proxy.answer(fromProvider)).toEqual(fromProvider);
  });
});

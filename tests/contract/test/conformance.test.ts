// The conformance checks must bite on their own: a loopback server answers
// the way a broken provider would, and each check has to name the breach.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { examplePathParams, expandPath } from "@dingtalk-conference/spec/document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contractProblems } from "../src/conformance.js";
import { recordingFetch } from "../src/recording-fetch.js";
import { operationById } from "../src/spec.js";

const invite = operationById("inviteUsers");
const invitePath = expandPath(invite.pathTemplate, examplePathParams(invite));

/** What the server answers next: status, headers, body. */
let answer: { status: number; headers: Record<string, string>; body: string };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(answer.status, answer.headers).end(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function problemsFor(
  reply: typeof answer,
  { path = invitePath, token = "t", requestWasValid = true } = {},
): Promise<string[]> {
  answer = reply;
  const recorder = recordingFetch();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers["x-acs-dingtalk-access-token"] = token;
  await recorder.fetch(baseUrl + path, { method: "POST", headers, body: "{}" });
  const [exchange] = recorder.exchanges;
  return exchange ? contractProblems(exchange, { requestWasValid }) : ["nothing recorded"];
}

const json = { "content-type": "application/json" };

describe("contractProblems", () => {
  it("finds nothing wrong with a documented answer", async () => {
    expect(await problemsFor({ status: 200, headers: json, body: '{"success":true}' })).toEqual([]);
  });

  it.each([
    ["status_code_conformance", "an undocumented 404", { status: 404, headers: json, body: "{}" }],
    [
      "content_type_conformance",
      "HTML for a JSON answer",
      { status: 200, headers: { "content-type": "text/html" }, body: "<p>ok</p>" },
    ],
    [
      "response_schema_conformance",
      "a wrong type in the body",
      { status: 200, headers: json, body: '{"success":"yes"}' },
    ],
    [
      "response_schema_conformance",
      "an envelope without code",
      { status: 400, headers: json, body: '{"message":"no code"}' },
    ],
    [
      "response_schema_conformance",
      "a body that is not JSON",
      { status: 200, headers: json, body: "not json" },
    ],
    [
      "not_a_server_error",
      "a 500 to a valid request",
      { status: 500, headers: json, body: '{"code":"systemError","message":"x"}' },
    ],
    [
      "sl-violations",
      "Prism's violation header",
      {
        status: 200,
        headers: {
          ...json,
          "sl-violations": JSON.stringify([
            { location: ["request", "body"], severity: "Error", message: "bad" },
          ]),
        },
        body: '{"success":true}',
      },
    ],
  ])("names %s: %s", async (check, _why, reply) => {
    const problems = await problemsFor(reply);
    expect(problems.join("\n")).toContain(check);
  });

  it("accepts a documented 500 in answer to an invalid request", async () => {
    const reply = { status: 500, headers: json, body: '{"code":"systemError","message":"x"}' };
    expect(await problemsFor(reply, { requestWasValid: false })).toEqual([]);
  });

  it("names a request without the security scheme's header", async () => {
    const problems = await problemsFor(
      { status: 200, headers: json, body: '{"success":true}' },
      { token: "" },
    );
    expect(problems.join("\n")).toContain("lacks the x-acs-dingtalk-access-token header");
  });

  it("names a path no operation of the spec has", async () => {
    const problems = await problemsFor(
      { status: 200, headers: json, body: "{}" },
      { path: "/v1.0/conference/users/invite" },
    );
    expect(problems.join("\n")).toContain("no operation of the spec");
  });
});

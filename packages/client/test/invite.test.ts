import { describe, expect, it } from "vitest";
import { createConferenceClient } from "../src/index.js";
import { TOKEN, testClient } from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";
import { firstServerUrl, requestExample } from "./fixtures/spec.js";

const INVITE = (segment: string) => `/v1.0/conference/videoConferences/${segment}/users/invite`;

describe("inviteUsers", () => {
  const server = useTestServer();

  it("POSTs the spec's example body as JSON to the invite path with the token header", async () => {
    const body = requestExample("inviteUsers");
    server().reply({ json: { success: true }, headers: { "x-acs-request-id": "REQ-1" } });

    const result = await testClient(server().url).inviteUsers("conf-1", body);

    expect(result).toEqual({ success: true, requestId: "REQ-1" });
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(INVITE("conf-1"));
    expect(request?.headers["x-acs-dingtalk-access-token"]).toBe(TOKEN);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual(body);
  });

  it("returns success false and no request ID as DingTalk sends them", async () => {
    server().reply({ json: { success: false } });
    const result = await testClient(server().url).inviteUsers("c", {});
    expect(result).toEqual({ success: false, requestId: undefined });
  });

  it("calls a token function before the request and sends what it returns", async () => {
    let calls = 0;
    const accessToken = async () => `token-${++calls}`;
    await testClient(server().url, { accessToken }).inviteUsers("c", {});
    expect(server().requests[0]?.headers["x-acs-dingtalk-access-token"]).toBe("token-1");
  });

  it.each([
    ["../", "..%2F"],
    ["a/b", "a%2Fb"],
    ["../../oauth2/accessToken", "..%2F..%2Foauth2%2FaccessToken"],
    ["100%", "100%25"],
    ["%2F", "%252F"],
    ["会议/一", "%E4%BC%9A%E8%AE%AE%2F%E4%B8%80"],
    ["a?b#c", "a%3Fb%23c"],
    ["$'$&", "%24'%24%26"],
  ])("sends conferenceId %j as the one path segment %s", async (conferenceId, segment) => {
    await testClient(server().url).inviteUsers(conferenceId, {});
    expect(server().requests.map((request) => request.url)).toEqual([INVITE(segment)]);
  });

  it("gives the typed openapi-fetch client as raw, with the token header filled in", async () => {
    const client = testClient(server().url);
    const { data, error, response } = await client.raw.POST(
      "/v1.0/conference/videoConferences/{conferenceId}/users/invite",
      { params: { path: { conferenceId: "c" } }, body: { inviteeList: [{ nick: "Test user" }] } },
    );
    expect(error).toBeUndefined();
    expect(data).toEqual({ success: true });
    expect(response.status).toBe(200);
    expect(server().requests[0]?.headers["x-acs-dingtalk-access-token"]).toBe(TOKEN);
  });
});

describe("the fetch seam", () => {
  const server = useTestServer();

  it("calls a custom fetch as openapi-fetch does, with one Request and nothing else", async () => {
    const calls: unknown[][] = [];
    const recordingFetch = (...args: unknown[]) => {
      calls.push(args);
      return fetch(args[0] as Request);
    };
    const client = testClient(server().url, { fetch: recordingFetch });
    await client.inviteUsers("c", { inviteeList: [{ nick: "Test user" }] });
    await client.raw.POST("/v1.0/conference/videoConferences/{conferenceId}/users/invite", {
      params: { path: { conferenceId: "c" } },
      body: {},
    });

    expect(calls).toHaveLength(2);
    for (const [request, ...rest] of calls) {
      expect(request).toBeInstanceOf(Request);
      // openapi-fetch passes its requestInitExt (unset) as a second argument on Node.
      expect(rest.filter((argument) => argument !== undefined)).toEqual([]);
      expect((request as Request).method).toBe("POST");
      expect((request as Request).headers.get("x-acs-dingtalk-access-token")).toBe(TOKEN);
    }
    expect(server().requests.map((request) => JSON.parse(request.body))).toEqual([
      { inviteeList: [{ nick: "Test user" }] },
      {},
    ]);
  });

  it("defaults to the spec's first server", async () => {
    const urls: string[] = [];
    const client = createConferenceClient({
      accessToken: TOKEN,
      fetch: async (request) => {
        urls.push(request.url);
        return Response.json({ success: true });
      },
    });
    await client.inviteUsers("c", {});
    expect(urls).toEqual([`${firstServerUrl}${INVITE("c")}`]);
  });
});

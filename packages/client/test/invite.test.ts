import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createConferenceClient } from "../src/index.js";
import { startServer, type TestServer } from "./fixtures/server.js";
import { transports } from "./fixtures/transports.js";

describe.each(transports)("inviteUsers over $name", ({ fetch }) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  it("POSTs the body as JSON to the invite path with the token header", async () => {
    const client = createConferenceClient({ accessToken: "t0ken", baseUrl: server.url, fetch });
    const body = {
      unionId: "operator",
      inviteeList: [{ unionId: "u1", nick: "Ann" }],
      phoneInviteeList: [{ phoneNumber: "13800138000", nick: "Bo" }],
    };
    server.reply({ json: { success: true }, headers: { "x-acs-request-id": "REQ-1" } });

    const result = await client.inviteUsers("conf-1", body);

    expect(result).toEqual({ success: true, requestId: "REQ-1" });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1.0/conference/videoConferences/conf-1/users/invite");
    expect(request?.headers["x-acs-dingtalk-access-token"]).toBe("t0ken");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual(body);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { inviteBody, inviteUrl } from "../src/invite-call.js";
import {
  type LoopbackServer,
  startLoopbackServer,
  successBody,
} from "../src/server/loopback-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("loopback server", () => {
  it("answers every POST with 200 and the spec's success body", async () => {
    server = await startLoopbackServer();
    const response = await post(inviteUrl(server.url), inviteBody(1));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe(successBody);
    expect(JSON.parse(successBody)).toEqual({ success: true });
  });

  it("keeps the connection alive between calls", async () => {
    server = await startLoopbackServer();
    const response = await post(inviteUrl(server.url), inviteBody(1));
    await response.text();
    expect(response.headers.get("connection")).toBe("keep-alive");
  });

  it("counts requests, and invitees only when asked to", async () => {
    server = await startLoopbackServer({ countInvitees: true });
    await (await post(inviteUrl(server.url), inviteBody(3))).text();
    await (await post(inviteUrl(server.url), inviteBody(4))).text();
    const stats = server.stats();
    expect(stats.requests).toBe(2);
    expect(stats.invitees).toBe(7);
    expect(stats.lastRequestAt).toBeGreaterThanOrEqual(stats.firstRequestAt);
    server.reset();
    expect(server.stats()).toEqual({
      requests: 0,
      invitees: 0,
      firstRequestAt: 0,
      lastRequestAt: 0,
    });
  });

  it("leaves invitees uncounted by default, so call benchmarks pay no parsing", async () => {
    server = await startLoopbackServer();
    await (await post(inviteUrl(server.url), inviteBody(5))).text();
    expect(server.stats()).toMatchObject({ requests: 1, invitees: 0 });
  });
});

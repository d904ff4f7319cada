import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientRaw,
  clientWithFetch,
  clientWithNodeTransport,
  nodeTransportAlone,
} from "../src/client-subjects.js";
import { inviteBody } from "../src/invite-call.js";
import { type LoopbackServer, startLoopbackServer } from "../src/server/loopback-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

describe("the client's subjects", () => {
  const body = inviteBody(2);
  const subjects = () => [
    clientWithFetch(server.url, body),
    clientWithNodeTransport(server.url, body),
    nodeTransportAlone(server.url, body),
    clientRaw(server.url, body, "default fetch"),
    clientRaw(server.url, body, "Node transport"),
  ];

  it("each invites through the loopback server, under its own name", async () => {
    const all = subjects();
    expect(new Set(all.map((subject) => subject.name)).size).toBe(all.length);
    server.reset();
    for (const subject of all) await subject.call();
    expect(server.stats().requests).toBe(all.length);
  });
});

// client.raw is openapi-fetch as its own documentation describes it, and
// inviteUsers goes through it: middleware gets real Requests and Responses, may
// replace a Request or answer in place of the server, and a Response can be
// cloned and its body streamed.
import type { Middleware } from "openapi-fetch";
import { Agent, fetch as undiciFetch } from "undici";
import { describe, expect, it, onTestFinished } from "vitest";
import type { ConferenceClient } from "../src/index.js";
import { TOKEN, testClient } from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";

const INVITE_PATH = "/v1.0/conference/videoConferences/{conferenceId}/users/invite";

/** The two ways to call the invite endpoint, both through openapi-fetch's middleware. */
const calls = [
  {
    name: "client.raw",
    invite: async (client: ConferenceClient) => {
      const { data } = await client.raw.POST(INVITE_PATH, {
        params: { path: { conferenceId: "c" } },
        body: {},
      });
      return data?.success;
    },
  },
  {
    name: "inviteUsers",
    invite: async (client: ConferenceClient) => (await client.inviteUsers("c", {})).success,
  },
];

describe.each(calls)("middleware on a call through $name", ({ invite }) => {
  const server = useTestServer();

  it("sends the new Request a middleware returns", async () => {
    const client = testClient(server().url);
    const seen: unknown[] = [];
    client.raw.use({
      onRequest({ request }) {
        seen.push(request);
        const headers = new Headers(request.headers);
        headers.set("x-trace-id", "trace-1");
        return new Request(request, { headers });
      },
    });

    expect(await invite(client)).toBe(true);

    expect(seen[0]).toBeInstanceOf(Request);
    const [sent] = server().requests;
    expect(sent?.headers["x-trace-id"]).toBe("trace-1");
    expect(sent?.headers["x-acs-dingtalk-access-token"]).toBe(TOKEN);
    expect(JSON.parse(sent?.body ?? "")).toEqual({});
  });

  it("sends nothing when a middleware answers with a Response", async () => {
    const client = testClient(server().url);
    client.raw.use({ onRequest: () => Response.json({ success: false }) });

    expect(await invite(client)).toBe(false);
    expect(server().requests).toHaveLength(0);
  });

  it("gives hooks the call's duration, and no response for one a middleware answered", async () => {
    const durations: number[] = [];
    const client = testClient(server().url, {
      hooks: { onResponse: ({ durationMs }) => durations.push(durationMs) },
    });
    const startedAt = performance.now();
    await invite(client);
    const elapsed = performance.now() - startedAt;
    expect(durations).toHaveLength(1);
    expect(durations[0]).toBeGreaterThan(0);
    expect(durations[0]).toBeLessThanOrEqual(elapsed);

    client.raw.use({ onRequest: () => Response.json({ success: true }) });
    await invite(client);
    expect(durations).toHaveLength(1);
  });

  it("gives middleware a Response it can clone and read, leaving the body to the caller", async () => {
    server().reply({ json: { success: true }, headers: { "x-acs-request-id": "REQ-3" } });
    const client = testClient(server().url);
    const logged: unknown[] = [];
    const logBodies: Middleware = {
      async onResponse({ response }) {
        expect(response).toBeInstanceOf(Response);
        logged.push(await response.clone().json());
      },
    };
    client.raw.use(logBodies);

    expect(await invite(client)).toBe(true);
    expect(logged).toEqual([{ success: true }]);
  });
});

describe("client.raw", () => {
  const server = useTestServer();

  it("streams a body with parseAs: stream while a middleware reads a clone", async () => {
    const answer = { success: true, padding: "x".repeat(100_000) };
    server().reply({ json: answer });
    const client = testClient(server().url);
    const cloned: Promise<unknown>[] = [];
    client.raw.use({
      onResponse({ response }) {
        cloned.push(response.clone().json());
      },
    });
    const { data } = await client.raw.POST(INVITE_PATH, {
      params: { path: { conferenceId: "c" } },
      body: {},
      parseAs: "stream",
    });

    if (!data) throw new Error("Expected a body stream");
    const reader = data.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
    }
    expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toEqual(answer);
    expect(await Promise.all(cloned)).toEqual([answer]);
  });

  it("sends query parameters as openapi-fetch serializes them", async () => {
    // The spec has no query parameter: a path outside it, as openapi-fetch sends any.
    const untypedPath = "/v1.0/echo" as never;
    await testClient(server().url).raw.GET(untypedPath, {
      params: { query: { q: "a b&c", list: ["x", "y"] } },
    } as never);
    expect(server().requests.map((request) => request.url)).toEqual([
      "/v1.0/echo?q=a%20b%26c&list=x&list=y",
    ]);
  });
});

describe("a custom fetch", () => {
  const server = useTestServer();

  it("takes undici's own fetch with its own Agent, as the README shows", async () => {
    const dispatcher = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
    onTestFinished(() => dispatcher.close());
    const client = testClient(server().url, {
      // undici's fetch takes only its own Request class: hand it the parts.
      fetch: async (request) =>
        (await undiciFetch(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          body: request.body ? await request.text() : undefined,
          signal: request.signal,
          dispatcher,
        })) as Response,
    });
    server().reply({ json: { success: true }, headers: { "x-acs-request-id": "REQ-U" } });

    expect(await client.inviteUsers("c", { inviteeList: [{ nick: "Test user" }] })).toEqual({
      success: true,
      requestId: "REQ-U",
    });
    const [sent] = server().requests;
    expect(sent?.headers["x-acs-dingtalk-access-token"]).toBe(TOKEN);
    expect(JSON.parse(sent?.body ?? "")).toEqual({ inviteeList: [{ nick: "Test user" }] });
  });
});

import { inspect } from "node:util";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  ConnectionError,
  createAppTokenProvider,
  DingTalkApiError,
  TimeoutError,
} from "../src/index.js";
import { recordingFetch, rejectionOf, signalDroppingFetch, testClient } from "./fixtures/client.js";
import { type Reply, useTestServer } from "./fixtures/server.js";
import { documentedExamples, requestExample } from "./fixtures/spec.js";
import { manualTimeLimits } from "./fixtures/time-limits.js";

const TOKEN_PATH = "/v1.0/oauth2/accessToken";
const credentials = requestExample("getAccessToken") as { appKey: string; appSecret: string };
const fresh = documentedExamples("getAccessToken", 200).find((example) => example.status === 200);
const invalidAuthentication = documentedExamples("inviteUsers").find(
  (example) => example.body.code === "InvalidAuthentication",
);

/** The token endpoint's answer, with the spec's lifetime unless given. */
const tokenReply = (accessToken: string, expireIn = fresh?.body.expireIn): Reply => ({
  path: TOKEN_PATH,
  json: { ...fresh?.body, accessToken, expireIn },
});

describe("createAppTokenProvider", () => {
  const server = useTestServer();
  const provider = () => createAppTokenProvider({ ...credentials, baseUrl: server().url });
  const tokenRequests = () => server().requests.filter((request) => request.url === TOKEN_PATH);
  afterEach(() => {
    vi.useRealTimers();
  });

  it("asks the token endpoint with the app's credentials", async () => {
    server().reply(tokenReply("T1"));
    expect(await provider()()).toBe("T1");
    const [request] = tokenRequests();
    expect(request?.method).toBe("POST");
    expect(JSON.parse(request?.body ?? "")).toEqual(credentials);
  });

  it("caches the token until shortly before expireIn", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    server().reply(tokenReply("T1", 7200), tokenReply("T2", 7200));
    const tokens = provider();

    expect(await tokens()).toBe("T1");
    vi.setSystemTime(Date.now() + 6000 * 1000);
    expect(await tokens()).toBe("T1");
    expect(tokenRequests()).toHaveLength(1);

    // Five minutes before the two hours are up, it renews.
    vi.setSystemTime(Date.now() + 1000 * 1000);
    expect(await tokens()).toBe("T2");
    expect(tokenRequests()).toHaveLength(2);
  });

  it("runs one refresh for many concurrent callers", async () => {
    server().reply(tokenReply("T1"));
    const tokens = provider();
    const results = await Promise.all(Array.from({ length: 20 }, () => tokens()));
    expect(new Set(results)).toEqual(new Set(["T1"]));
    expect(tokenRequests()).toHaveLength(1);
  });

  it("invalidates only the token that was rejected", async () => {
    server().reply(tokenReply("T1"), tokenReply("T2"));
    const tokens = provider();
    await tokens();
    tokens.invalidate("an older token");
    expect(await tokens()).toBe("T1");
    tokens.invalidate("T1");
    expect(await tokens()).toBe("T2");
  });

  it("throws the typed error, with the secret redacted, when the credentials are refused", async () => {
    const refused = documentedExamples("getAccessToken").find((example) => example.status === 400);
    server().reply({
      path: TOKEN_PATH,
      status: 400,
      json: { ...refused?.body, message: `bad secret ${credentials.appSecret}` },
    });
    const error = await rejectionOf(provider()());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 400, code: refused?.body.code });
    expect(JSON.stringify(error)).not.toContain(credentials.appSecret);
    expect((error as Error).message).not.toContain(credentials.appSecret);
  });

  it("refuses an answer without a token instead of caching nothing", async () => {
    server().reply({ path: TOKEN_PATH, json: { unexpected: true } });
    expect(await rejectionOf(provider()())).toBeInstanceOf(DingTalkApiError);
  });

  it.each([
    { case: "no expireIn", expireIn: undefined },
    { case: "an expireIn that is not a number", expireIn: "7200" },
  ])("keeps a live token out of the error for an answer with $case", async ({ expireIn }) => {
    const live = "live-token-8d3e1b";
    server().reply({ path: TOKEN_PATH, json: { ...fresh?.body, accessToken: live, expireIn } });
    const error = await rejectionOf(provider()());
    expect(error).toBeInstanceOf(DingTalkApiError);
    expect(error).toMatchObject({ body: { accessToken: "[redacted]" } });
    expect(JSON.stringify(error)).not.toContain(live);
    expect(inspect(error, { depth: 10 })).not.toContain(live);
  });

  it("gives up on a token endpoint that never answers after its own timeout", async () => {
    const timeLimits = manualTimeLimits();
    server().reply({ path: TOKEN_PATH, hang: true });
    const tokens = createAppTokenProvider({
      ...credentials,
      baseUrl: server().url,
      timeoutMs: 500,
    });
    const rejection = rejectionOf(tokens());
    await server().nextRequest();
    timeLimits.pass(500);
    expect(await rejection).toBeInstanceOf(TimeoutError);
  });

  it("gives up at its timeout through a fetch that drops the signal, and the next call asks again", async () => {
    server().reply({ path: TOKEN_PATH, hang: true }, { path: TOKEN_PATH, hang: true });
    const { fetchImpl, requests } = recordingFetch(signalDroppingFetch);
    const tokens = createAppTokenProvider({
      ...credentials,
      baseUrl: server().url,
      fetch: fetchImpl,
      timeoutMs: 50,
    });
    expect(await rejectionOf(tokens())).toBeInstanceOf(TimeoutError);
    // The refresh that timed out is not shared with a later call: it starts its own.
    expect(await rejectionOf(tokens())).toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(2);
  });

  it("asks again on the next call after a refresh that failed", async () => {
    server().reply({ path: TOKEN_PATH, destroy: true }, tokenReply("T1"));
    const tokens = provider();
    expect(await rejectionOf(tokens())).toBeInstanceOf(ConnectionError);
    expect(await tokens()).toBe("T1");
    expect(tokenRequests()).toHaveLength(2);
  });

  describe("with the client", () => {
    if (!invalidAuthentication) throw new Error("The spec documents no InvalidAuthentication");
    const rejected: Reply = {
      path: "/v1.0/conference/",
      when: (request) => request.headers["x-acs-dingtalk-access-token"] === "stale",
      status: 400,
      json: invalidAuthentication.body,
    };

    it("ends a call whose token endpoint never answers with the call's timeout", async () => {
      const timeLimits = manualTimeLimits();
      server().reply({ path: TOKEN_PATH, hang: true });
      const client = testClient(server().url, { accessToken: provider(), timeoutMs: 500 });
      const rejection = rejectionOf(client.inviteUsers("c", {}));
      await server().nextRequest();
      // The call's limit, not the token request's own (30 s by default).
      timeLimits.pass(500);
      const error = await rejection;
      expect(error).toBeInstanceOf(TimeoutError);
      // No token, so no invite left: nobody was rung.
      expect(error).toMatchObject({ mayHaveActed: false });
      expect(server().requests.map((request) => request.url)).toEqual([TOKEN_PATH]);
    });

    it("ends a call whose token endpoint never answers when the caller aborts", async () => {
      server().reply({ path: TOKEN_PATH, hang: true });
      const client = testClient(server().url, { accessToken: provider() });
      const controller = new AbortController();
      const rejection = rejectionOf(client.inviteUsers("c", {}, { signal: controller.signal }));
      await server().nextRequest();
      const reason = new Error("caller gave up");
      controller.abort(reason);
      expect(await rejection).toBe(reason);
      expect(server().requests.map((request) => request.url)).toEqual([TOKEN_PATH]);
    });

    it("refreshes once on InvalidAuthentication and retries with the new token", async () => {
      server().reply(tokenReply("stale"), rejected, tokenReply("renewed"));
      const client = testClient(server().url, { accessToken: provider(), maxRetries: 0 });

      expect((await client.inviteUsers("c", {})).success).toBe(true);

      const invites = server().requests.filter((request) => request.url !== TOKEN_PATH);
      expect(invites.map((request) => request.headers["x-acs-dingtalk-access-token"])).toEqual([
        "stale",
        "renewed",
      ]);
      expect(tokenRequests()).toHaveLength(2);
    });

    it("refreshes only once when the renewed token is refused too", async () => {
      server().reply(tokenReply("stale"), rejected, tokenReply("renewed"), {
        ...rejected,
        when: undefined,
      });
      const client = testClient(server().url, { accessToken: provider() });
      expect(await rejectionOf(client.inviteUsers("c", {}))).toBeInstanceOf(AuthenticationError);
      expect(tokenRequests()).toHaveLength(2);
    });

    it("refreshes once for many concurrent calls refused with the same stale token", async () => {
      const calls = 10;
      server().reply(tokenReply("stale"), ...Array(calls).fill(rejected), tokenReply("renewed"));
      const client = testClient(server().url, { accessToken: provider(), maxRetries: 0 });

      const results = await Promise.all(
        Array.from({ length: calls }, () => client.inviteUsers("c", {})),
      );

      expect(results.every((result) => result.success)).toBe(true);
      expect(tokenRequests()).toHaveLength(2);
    });
  });
});

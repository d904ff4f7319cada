import { describe, expect, it } from "vitest";
import type { RetryEvent } from "../src/hooks.js";
import { ConnectionError, SystemError, ThrottledError, TimeoutError } from "../src/index.js";
import { backoffMs, DEFAULT_RETRY_TIMING } from "../src/retry.js";
import { rejectionOf, testClient } from "./fixtures/client.js";
import { startServer, useTestServer } from "./fixtures/server.js";
import { documentedExamples } from "./fixtures/spec.js";
import { manualTimeLimits } from "./fixtures/time-limits.js";

const example = (code: string) => {
  const found = documentedExamples("inviteUsers").find((candidate) => candidate.body.code === code);
  if (!found) throw new Error(`The spec documents no ${code} example`);
  return { status: found.status, json: found.body };
};
const throttled = example("Forbidden.AccessDenied.QpsLimitForAppkeyAndApi");
const systemError = example("systemError");

/** A URL on which nothing listens: connecting is refused before anything is sent. */
async function refusingUrl(): Promise<string> {
  const server = await startServer();
  await server.close();
  return server.url;
}

describe("retries", () => {
  const server = useTestServer();

  it("retries throttling and then succeeds", async () => {
    server().reply(throttled, throttled);
    const retries: RetryEvent[] = [];
    const client = testClient(server().url, { hooks: { onRetry: (e) => retries.push(e) } });

    const result = await client.inviteUsers("c", {});

    expect(result.success).toBe(true);
    expect(server().requests).toHaveLength(3);
    expect(retries.map((event) => [event.retry, event.error.constructor])).toEqual([
      [1, ThrottledError],
      [2, ThrottledError],
    ]);
  });

  it("gives up after maxRetries and throws the last throttling error", async () => {
    server().reply(throttled, throttled, throttled);
    const error = await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ThrottledError);
    expect(server().requests).toHaveLength(3);
  });

  it("honours a per-call maxRetries", async () => {
    server().reply(throttled, throttled);
    const client = testClient(server().url, { maxRetries: 5 });
    const error = await rejectionOf(client.inviteUsers("c", {}, { maxRetries: 1 }));
    expect(error).toBeInstanceOf(ThrottledError);
    expect(server().requests).toHaveLength(2);
  });

  it("never retries a 500: the invitees may already be ringing", async () => {
    server().reply(systemError);
    const error = await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(error).toBeInstanceOf(SystemError);
    expect(error).toMatchObject({ mayHaveActed: true });
    expect(server().requests).toHaveLength(1);
  });

  it("never retries an HTML 502", async () => {
    server().reply({ status: 502, text: "<html>Bad Gateway</html>" });
    await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(server().requests).toHaveLength(1);
  });

  it("never retries a refusal such as a 400", async () => {
    server().reply(example("unknownUserError"));
    await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(server().requests).toHaveLength(1);
  });

  it("never retries a timeout after the request was sent", async () => {
    const timeLimits = manualTimeLimits();
    server().reply({ hang: true });
    const rejection = rejectionOf(
      testClient(server().url, { timeoutMs: 500 }).inviteUsers("c", {}),
    );
    // The attempt's limit passes only once the server holds the request it times out.
    await server().nextRequest();
    timeLimits.pass(500);
    const error = await rejection;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server().requests).toHaveLength(1);
  });

  it("never retries a connection dropped after sending", async () => {
    server().reply({ destroy: true });
    const error = await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveActed: true });
    expect(server().requests).toHaveLength(1);
  });

  it("retries 500s and timeouts when the caller opts in with retry.unsafe", async () => {
    const timeLimits = manualTimeLimits();
    server().reply(systemError, { hang: true });
    const retries: RetryEvent[] = [];
    const client = testClient(server().url, {
      retry: { unsafe: true },
      timeoutMs: 500,
      hooks: { onRetry: (event) => retries.push(event) },
    });

    const call = client.inviteUsers("c", {});
    while (server().requests.length < 2) await server().nextRequest();
    // Only now, with the hung request at the server, does its attempt's limit pass; the
    // attempt that must succeed next runs under a limit that no load can make pass.
    timeLimits.pass(500);

    expect((await call).success).toBe(true);
    expect(server().requests).toHaveLength(3);
    expect(retries.map((event) => event.error.constructor)).toEqual([SystemError, TimeoutError]);
  });

  it("never retries an unexpected 2xx, even with retry.unsafe: it most likely rang people", async () => {
    server().reply({ status: 200, text: "<html>ok</html>" });
    const client = testClient(server().url, { retry: { unsafe: true } });
    const error = await rejectionOf(client.inviteUsers("c", {}));
    expect(error).toMatchObject({ status: 200, mayHaveActed: true });
    expect(server().requests).toHaveLength(1);
  });

  it("retries a refused connection, which never reached a server", async () => {
    const retries: RetryEvent[] = [];
    const client = testClient(await refusingUrl(), {
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const error = await rejectionOf(client.inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({
      mayHaveActed: false,
      message: "Connection failed (ECONNREFUSED)",
    });
    expect(retries).toHaveLength(2);
  });

  it("retries a port fetch refuses to use, which never reached a server", async () => {
    const retries: RetryEvent[] = [];
    // Port 1 is on the fetch standard's list of blocked ports: fetch fails before connecting.
    const client = testClient("http://127.0.0.1:1", {
      hooks: { onRetry: (event) => retries.push(event) },
    });
    const error = await rejectionOf(client.inviteUsers("c", {}));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveActed: false, message: "Connection failed (bad port)" });
    expect(retries).toHaveLength(2);
  });

  it("does not retry when the server asks to wait longer than the longest backoff", async () => {
    server().reply({ status: 403, json: { status: 1111, wait: 600 } });
    const error = await rejectionOf(testClient(server().url).inviteUsers("c", {}));
    expect(error).toMatchObject({ retryAfterMs: 600_000 });
    expect(server().requests).toHaveLength(1);
  });
});

describe("backoff", () => {
  const throttledError = (retryAfterMs?: number) =>
    new ThrottledError(
      {
        status: 403,
        code: undefined,
        message: "",
        requestId: undefined,
        body: {},
        headers: new Headers(),
      },
      retryAfterMs,
    );

  it("waits at least DingTalk's 1 s floor after throttling by default", () => {
    for (let retry = 1; retry <= 3; retry++) {
      expect(backoffMs(throttledError(), retry, DEFAULT_RETRY_TIMING)).toBeGreaterThanOrEqual(1000);
    }
  });

  it("waits at least what the server asked for", () => {
    expect(backoffMs(throttledError(7000), 1, DEFAULT_RETRY_TIMING)).toBeGreaterThanOrEqual(7000);
  });

  it("grows exponentially, jittered within the upper half of each step", () => {
    const connection = new ConnectionError("refused", false);
    const timing = { baseDelayMs: 100, throttleFloorMs: 1000, maxDelayMs: 60_000 };
    for (const [retry, low, high] of [
      [1, 50, 100],
      [2, 100, 200],
      [3, 200, 400],
    ] as const) {
      const delay = backoffMs(connection, retry, timing);
      expect(delay).toBeGreaterThanOrEqual(low);
      expect(delay).toBeLessThanOrEqual(high);
    }
  });
});

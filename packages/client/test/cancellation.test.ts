import { getEventListeners } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../src/index.js";
import type { ClientFetch, ClientRequestInit } from "../src/transport.js";
import { rejectionOf, testClient } from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";
import { documentedExamples } from "./fixtures/spec.js";
import { transports } from "./fixtures/transports.js";

const throttled = documentedExamples("inviteUsers").find((example) => example.status === 403);

describe.each(transports)("timeouts and cancellation over $name", ({ fetch }) => {
  const server = useTestServer();

  it("ends an attempt that outlives timeoutMs with a TimeoutError that may have acted", async () => {
    server().reply({ hang: true });
    const error = await rejectionOf(
      testClient(server().url, fetch, { timeoutMs: 30 }).inviteUsers("c", {}),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", mayHaveActed: true });
  });

  it("lets a call's timeoutMs override the client's", async () => {
    server().reply({ hang: true });
    const client = testClient(server().url, fetch, { timeoutMs: 60_000 });
    const error = await rejectionOf(client.inviteUsers("c", {}, { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("rejects with the signal's reason when the caller aborts in flight", async () => {
    server().reply({ hang: true });
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const call = testClient(server().url, fetch).inviteUsers(
      "c",
      {},
      { signal: controller.signal },
    );
    await server().nextRequest();
    controller.abort(reason);
    expect(await rejectionOf(call)).toBe(reason);
  });

  it("rejects with the caller's own reason when its signal times out, not a TimeoutError of the client's", async () => {
    server().reply({ hang: true });
    const call = testClient(server().url, fetch).inviteUsers(
      "c",
      {},
      { signal: AbortSignal.timeout(20) },
    );
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it("leaves no listener on the caller's signal once calls end, with a string or a function token", async () => {
    const { signal } = new AbortController();
    for (const accessToken of ["t", async () => "t"]) {
      server().reply({ json: { success: true } }, { status: 500, json: { code: "systemError" } });
      const client = testClient(server().url, fetch, { accessToken });
      await client.inviteUsers("c", {}, { signal });
      await rejectionOf(client.inviteUsers("c", {}, { signal }));
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const reason = new Error("too late");
    const call = testClient(server().url, fetch).inviteUsers(
      "c",
      {},
      { signal: AbortSignal.abort(reason) },
    );
    expect(await rejectionOf(call)).toBe(reason);
    expect(server().requests).toHaveLength(0);
  });

  it("stops waiting between retries when the caller aborts", async () => {
    if (!throttled) throw new Error("The spec documents no 403 example");
    // A long Retry-After keeps the client in its backoff until the abort.
    server().reply({ status: 403, json: throttled.body, headers: { "retry-after": "1" } });
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const call = testClient(server().url, fetch, {
      hooks: { onRetry: () => controller.abort(reason) },
    }).inviteUsers("c", {}, { signal: controller.signal });
    expect(await rejectionOf(call)).toBe(reason);
    expect(server().requests).toHaveLength(1);
  });
});

describe("what bounds an attempt, by kind of fetch", () => {
  const server = useTestServer();

  /** A fetch over the global one that keeps each init it is given. */
  function recordingFetch(enforcesTimeout: boolean) {
    const inits: ClientRequestInit[] = [];
    const fetchImpl: ClientFetch = Object.assign(
      (url: string, init: ClientRequestInit) => {
        inits.push(init);
        return fetch(url, init);
      },
      { enforcesTimeout },
    );
    return { fetchImpl, inits };
  }

  it("gives a fetch that enforces timeoutMs the time left, and no signal of the client's", async () => {
    const { fetchImpl, inits } = recordingFetch(true);
    await testClient(server().url, fetchImpl, { timeoutMs: 5000 }).inviteUsers("c", {});
    expect(inits).toHaveLength(1);
    expect(inits[0]?.signal).toBeUndefined();
    expect(inits[0]?.timeoutMs).toBeGreaterThan(4000);
    expect(inits[0]?.timeoutMs).toBeLessThanOrEqual(5000);
  });

  it("gives such a fetch only the time a slow token source left of the attempt", async () => {
    const { fetchImpl, inits } = recordingFetch(true);
    const slowToken = async () => {
      await sleep(100);
      return "t";
    };
    await testClient(server().url, fetchImpl, {
      accessToken: slowToken,
      timeoutMs: 5000,
    }).inviteUsers("c", {});
    // The token took ~100 ms of the attempt's 5 000 (a little less as Date.now rounds).
    expect(inits[0]?.timeoutMs).toBeLessThanOrEqual(5000 - 90);
  });

  it("passes the caller's own signal to such a fetch as it is", async () => {
    const { fetchImpl, inits } = recordingFetch(true);
    const { signal } = new AbortController();
    await testClient(server().url, fetchImpl).inviteUsers("c", {}, { signal });
    expect(inits[0]?.signal).toBe(signal);
  });

  it("gives any other fetch one AbortSignal for both, and no timeoutMs", async () => {
    const { fetchImpl, inits } = recordingFetch(false);
    const { signal } = new AbortController();
    await testClient(server().url, fetchImpl).inviteUsers("c", {}, { signal });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(inits[0]?.signal).not.toBe(signal);
    expect(inits[0]?.timeoutMs).toBeUndefined();
  });
});

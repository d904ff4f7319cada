import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { TimeoutError } from "../src/index.js";
import {
  recordingFetch,
  rejectionOf,
  signalDroppingFetch,
  TOKEN,
  testClient,
} from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";
import { documentedExamples } from "./fixtures/spec.js";

const throttled = documentedExamples("inviteUsers").find((example) => example.status === 403);

describe("timeouts and cancellation", () => {
  const server = useTestServer();

  it("ends an attempt that outlives timeoutMs with a TimeoutError that may have acted", async () => {
    server().reply({ hang: true });
    const error = await rejectionOf(
      testClient(server().url, { timeoutMs: 30 }).inviteUsers("c", {}),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: "TimeoutError", mayHaveActed: true });
  });

  it("lets a call's timeoutMs override the client's", async () => {
    server().reply({ hang: true });
    const client = testClient(server().url, { timeoutMs: 60_000 });
    const error = await rejectionOf(client.inviteUsers("c", {}, { timeoutMs: 30 }));
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("rejects with the signal's reason when the caller aborts in flight", async () => {
    server().reply({ hang: true });
    const controller = new AbortController();
    const reason = new Error("user left the page");
    const call = testClient(server().url).inviteUsers("c", {}, { signal: controller.signal });
    await server().nextRequest();
    controller.abort(reason);
    expect(await rejectionOf(call)).toBe(reason);
  });

  it("rejects with the caller's own reason when its signal times out, not a TimeoutError of the client's", async () => {
    server().reply({ hang: true });
    const call = testClient(server().url).inviteUsers("c", {}, { signal: AbortSignal.timeout(20) });
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it("leaves no listener on the caller's signal once calls end, with a string or a function token", async () => {
    const { signal } = new AbortController();
    for (const accessToken of ["t", async () => "t"]) {
      server().reply({ json: { success: true } }, { status: 500, json: { code: "systemError" } });
      const client = testClient(server().url, { accessToken });
      await client.inviteUsers("c", {}, { signal });
      await rejectionOf(client.inviteUsers("c", {}, { signal }));
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const reason = new Error("too late");
    const call = testClient(server().url).inviteUsers(
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
    const call = testClient(server().url, {
      hooks: { onRetry: () => controller.abort(reason) },
    }).inviteUsers("c", {}, { signal: controller.signal });
    expect(await rejectionOf(call)).toBe(reason);
    expect(server().requests).toHaveLength(1);
  });
});

describe("the request's signal", () => {
  const server = useTestServer();

  it("ends a call at timeoutMs through a fetch that reads only the Request", async () => {
    server().reply({ hang: true });
    const { fetchImpl, requests } = recordingFetch();
    const call = testClient(server().url, { fetch: fetchImpl, timeoutMs: 30 }).inviteUsers("c", {});
    expect(await rejectionOf(call)).toBeInstanceOf(TimeoutError);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.signal.aborted).toBe(true);
  });

  it("ends a call at timeoutMs even through a fetch that drops the signal", async () => {
    server().reply({ hang: true });
    const call = testClient(server().url, {
      fetch: signalDroppingFetch,
      timeoutMs: 30,
    }).inviteUsers("c", {});
    expect(await rejectionOf(call)).toBeInstanceOf(TimeoutError);
  });

  it("bounds a late token and the request by one timeoutMs per attempt", async () => {
    server().reply({ hang: true });
    const { fetchImpl, requests } = recordingFetch();
    const timeoutMs = 60;
    // Answers well within the limit: its 20 ms timer and the attempt's 60 ms limit start on the
    // same tick of the event loop, and Node fires the shorter of two such timers first.
    const lateToken = () => new Promise<string>((resolve) => setTimeout(resolve, 20, TOKEN));
    const client = testClient(server().url, {
      accessToken: lateToken,
      fetch: fetchImpl,
      timeoutMs,
    });
    const call = client.inviteUsers("c", {});
    // A timer as long as the attempt's, set after it, fires after it: by then the limit the
    // attempt began with has passed, and must have aborted the request the late token let out.
    const requestAbortedAtLimit = new Promise((resolve) =>
      setTimeout(() => resolve(requests[0]?.signal.aborted), timeoutMs),
    );

    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(TimeoutError);
    // The token came in time, so the request left: it may have rung someone.
    expect(error).toMatchObject({ mayHaveActed: true });
    expect(requests).toHaveLength(1);
    expect(await requestAbortedAtLimit).toBe(true);
  });

  it("gives the request a signal that the caller's abort aborts", async () => {
    const { fetchImpl, requests } = recordingFetch();
    const controller = new AbortController();
    await testClient(server().url, { fetch: fetchImpl }).inviteUsers(
      "c",
      {},
      { signal: controller.signal },
    );
    const [request] = requests;
    expect(request?.signal).not.toBe(controller.signal);
    expect(request?.signal.aborted).toBe(false);
    controller.abort();
    expect(request?.signal.aborted).toBe(true);
  });
});

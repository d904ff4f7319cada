import { describe, expect, it } from "vitest";
import { TimeoutError } from "../src/index.js";
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

// What the node:http transport must do as a fetch, beyond what the client's
// suites (run on it too) already cover.
import { describe, expect, it } from "vitest";
import { createNodeFetch } from "../src/node.js";
import { rejectionOf } from "./fixtures/client.js";
import { startServer, useTestServer } from "./fixtures/server.js";

describe("createNodeFetch", () => {
  const server = useTestServer();
  const nodeFetch = createNodeFetch();

  it("sends method, headers and body", async () => {
    await nodeFetch(`${server().url}/echo?q=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-custom": "v" },
      body: JSON.stringify({ a: "é" }),
    });

    const [request] = server().requests;
    expect(request).toMatchObject({ method: "POST", url: "/echo?q=1", body: '{"a":"é"}' });
    expect(request?.headers["x-custom"]).toBe("v");
    expect(request?.headers["content-length"]).toBe(String(Buffer.byteLength('{"a":"é"}')));
  });

  it("answers with each member of FetchResponse, as a fetch Response has it", async () => {
    const reply = { status: 201, json: { ok: "é" }, headers: { "x-answer": "yes" } };
    server().reply(reply, reply);
    const [answer, response] = await Promise.all([nodeFetch(server().url), fetch(server().url)]);

    expect(Object.keys(answer).sort()).toEqual(["headers", "json", "ok", "status", "text"]);
    expect(answer.status).toBe(response.status);
    expect(answer.ok).toBe(true);
    expect(answer.headers).toBeInstanceOf(Headers);
    expect(answer.headers.get("x-answer")).toBe("yes");
    expect(answer.headers.get("X-Answer")).toBe("yes");
    expect(answer.headers.get("x-absent")).toBeNull();
    expect(answer.headers.get("content-type")).toBe(response.headers.get("content-type"));
    // Iterated as a Headers is: names lower-cased, sorted. Date may tick between the two answers.
    const withoutDate = (headers: Iterable<[string, string]>) =>
      [...headers].filter(([name]) => name !== "date");
    expect(withoutDate(answer.headers)).toEqual(withoutDate(response.headers));
    expect(await answer.json()).toEqual(await response.json());
    expect(await answer.text()).toBe('{"ok":"é"}');
  });

  it("decodes text as fetch does, a byte-order mark dropped, and is not ok outside 2xx", async () => {
    const reply = { status: 404, text: "\uFEFFNot found: é" };
    server().reply(reply, reply);
    const [answer, response] = await Promise.all([nodeFetch(server().url), fetch(server().url)]);

    expect(answer.ok).toBe(response.ok);
    expect(answer.ok).toBe(false);
    expect(await answer.text()).toBe(await response.text());
  });

  it("accepts a Request, as fetch does", async () => {
    await nodeFetch(new Request(`${server().url}/r`, { method: "PUT", body: "payload" }));
    expect(server().requests[0]).toMatchObject({ method: "PUT", url: "/r", body: "payload" });
  });

  it("gives empty text for a 204", async () => {
    server().reply({ status: 204 });
    const response = await nodeFetch(server().url);
    expect(response.status).toBe(204);
    expect(response.ok).toBe(true);
    expect(await response.text()).toBe("");
  });

  it("reuses one keep-alive connection for sequential calls", async () => {
    for (let call = 0; call < 3; call++) await (await nodeFetch(server().url)).text();
    expect(server().requests).toHaveLength(3);
    expect(new Set(server().requests.map((request) => request.remotePort)).size).toBe(1);
  });

  it("rejects like fetch, a TypeError whose cause has the system code, when nothing listens", async () => {
    const closed = await startServer();
    await closed.close();
    const error = await rejectionOf(nodeFetch(closed.url));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("rejects with the signal's reason on abort, before or during the call", async () => {
    const reason = new Error("stop");
    expect(await rejectionOf(nodeFetch(server().url, { signal: AbortSignal.abort(reason) }))).toBe(
      reason,
    );
    expect(server().requests).toHaveLength(0);

    server().reply({ hang: true });
    const controller = new AbortController();
    const call = nodeFetch(server().url, { signal: controller.signal });
    await server().nextRequest();
    controller.abort(reason);
    expect(await rejectionOf(call)).toBe(reason);
  });

  it("says it enforces timeoutMs, and rejects as fetch with AbortSignal.timeout() does", async () => {
    expect(nodeFetch.enforcesTimeout).toBe(true);
    server().reply({ hang: true });
    const error = await rejectionOf(nodeFetch(server().url, { timeoutMs: 20 }));
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "TimeoutError" });
    expect(server().requests).toHaveLength(1);
  });

  it("answers a call that finishes within timeoutMs, its timer then gone", async () => {
    // A timer left behind would keep the process alive for a whole timeout.
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout");
    const before = timers().length;
    const response = await nodeFetch(server().url, { timeoutMs: 60_000 });
    expect(response.status).toBe(200);
    expect(timers()).toHaveLength(before);
  });
});

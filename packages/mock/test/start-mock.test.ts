import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  examplePathParams,
  expandPath,
  loadSpec,
  operationsOf,
  requestExamplesOf,
  securityHeadersOf,
} from "@dingtalk-conference/spec/document";
import { afterEach, describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";

/** A documented request of the committed spec, ready to send to a mock of it. */
function documentedRequest() {
  const [invite] = operationsOf(loadSpec()).filter((op) => securityHeadersOf(op).length > 0);
  if (!invite) throw new Error("the spec has no operation with a security header");
  const [example] = requestExamplesOf(invite);
  return {
    path: expandPath(invite.pathTemplate, examplePathParams(invite)),
    init: {
      method: invite.method.toUpperCase(),
      headers: {
        "content-type": "application/json",
        ...Object.fromEntries(securityHeadersOf(invite).map((name) => [name, "t"])),
      },
      body: JSON.stringify(example?.value),
    },
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe("startMock", () => {
  it("serves the spec on a free loopback port and stops cleanly", async () => {
    const [first, second] = await Promise.all([startMock(), startMock()]);
    const { path, init } = documentedRequest();
    try {
      expect(first.url).not.toBe(second.url);
      const response = await fetch(first.url + path, init);
      expect(response.status).toBe(200);
      await response.body?.cancel();
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
    await expect(fetch(first.url)).rejects.toThrow();
    await first.stop();
  });

  it("reports what Prism printed when the spec cannot be served", async () => {
    const dir = await mkdtemp(join(tmpdir(), "broken-spec-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const broken = join(dir, "openapi.yaml");
    await writeFile(broken, "openapi: 3.1.0\npaths: [not, a, map]\n");
    const error = await startMock({ spec: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain("Prism did not start");
    expect((error as MockStartError).message).toContain("prism exited before listening");
    expect((error as MockStartError).output).toContain("No operations found in the current file");
  });

  it("is not fooled by another HTTP server on an explicit port: it fails, naming why", async () => {
    const holder: Server = createServer((_, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => holder.close(resolve)));
    const { port } = holder.address() as { port: number };
    const error = await startMock({ port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).output).toContain("EADDRINUSE");
  });

  it("leaves signal handling to the host process", async () => {
    const before = ["SIGINT", "SIGTERM", "SIGHUP"].map((s) => process.listenerCount(s));
    const mock = await startMock();
    cleanups.push(() => mock.stop());
    expect(["SIGINT", "SIGTERM", "SIGHUP"].map((s) => process.listenerCount(s))).toEqual(before);
  });
});

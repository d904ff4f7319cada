// startMock's failures. Its success is what every other file uses: the mock
// `pnpm mock` starts (test/setup) is startMock's.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe("startMock", () => {
  it("reports what Prism printed when the spec cannot be served", async () => {
    const dir = await mkdtemp(join(tmpdir(), "broken-spec-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const broken = join(dir, "openapi.yaml");
    await writeFile(broken, "openapi: 3.1.0\npaths: [not, a, map]\n");
    const error = await startMock({ spec: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain(
      "Prism did not start: prism exited before listening",
    );
    expect((error as MockStartError).output).toContain("No operations found in the current file");
  });

  it("fails on a port another server holds, naming why, and leaves signals to the host", async () => {
    const holder: Server = createServer((_, response) => response.writeHead(404).end());
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => holder.close(resolve)));
    const { port } = holder.address() as { port: number };
    const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
    const listeners = () => signals.map((signal) => process.listenerCount(signal));
    const before = listeners();
    const error = await startMock({ port }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain(
      `The mock cannot listen on 127.0.0.1:${port}: listen EADDRINUSE`,
    );
    expect(listeners()).toEqual(before);
  });
});

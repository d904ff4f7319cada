// startMock's failures. Its success is what every other file uses: the mock
// `pnpm mock` starts (test/setup) is startMock's.
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { MockStartError, startMock } from "../src/index.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe("startMock", () => {
  // Prism costs seconds of CPU to load before it can refuse a spec, so its
  // failure is provoked by a deadline it cannot meet instead.
  it("fails with MockStartError, and stops Prism, when Prism does not listen in time", async () => {
    const error = await startMock({ startTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MockStartError);
    expect((error as MockStartError).message).toContain(
      'Prism did not start: no "listening" line within 1 ms',
    );
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

// The port freePort() picks is free when picked, not when Prism binds it. Here
// another server takes it first, every time the race can be lost: the first
// pick is a port already held, so startMock must try a new one.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const picks: number[] = [];
let holder: Server;
let heldPort: number;

vi.mock("../src/free-port.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/free-port.js")>();
  return {
    freePort: async (host: string) => {
      const port = picks.length === 0 ? heldPort : await original.freePort(host);
      picks.push(port);
      return port;
    },
  };
});

beforeAll(async () => {
  holder = createServer((_, response) => response.writeHead(404).end());
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  heldPort = (holder.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => holder.close(resolve)));

describe("startMock without a port", () => {
  it("picks another port when the one it chose was taken before Prism bound it", async () => {
    const { startMock } = await import("../src/start-mock.js");
    const mock = await startMock();
    try {
      expect(picks[0]).toBe(heldPort);
      expect(picks).toHaveLength(2);
      expect(mock.url).toBe(`http://127.0.0.1:${picks[1]}`);
    } finally {
      await mock.stop();
    }
  });
});

import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgress } from "../src/summary/progress.js";

function stream(isTTY: boolean) {
  const output = Object.assign(new PassThrough(), {
    isTTY,
    columns: 80,
    cursorTo: () => true,
    clearLine: () => true,
  });
  const written: string[] = [];
  output.on("data", (chunk: Buffer) => written.push(chunk.toString()));
  return { output, written };
}

describe("createProgress", () => {
  it("draws a bar on a terminal for a run of several batches", async () => {
    const { output, written } = stream(true);
    const progress = createProgress({ stream: output, total: 40, batches: 2, enabled: true });
    progress.advance(20);
    progress.advance(20);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.join("")).toContain("40/40 people");
  });

  it("stays quiet when the output is not a terminal, for one batch, or when disabled", async () => {
    for (const [isTTY, batches, enabled] of [
      [false, 5, true],
      [true, 1, true],
      [true, 5, false],
    ] as const) {
      const { output, written } = stream(isTTY);
      const progress = createProgress({ stream: output, total: 100, batches, enabled });
      progress.advance(100);
      progress.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(written).toEqual([]);
    }
  });
});

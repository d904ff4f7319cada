import { describe, expect, it } from "vitest";
import type { BenchConfig } from "../src/config.js";
import type { Subject } from "../src/harness.js";
import { measureCallOverhead } from "../src/sections/call-overhead.js";

const small = { iterations: 20, timeMs: 1, warmupIterations: 5, rounds: 1 };
const config = {
  sequential: { ...small, inFlight: 1 },
  inFlight: { ...small, inFlight: 2 },
} as BenchConfig;

/** A subject whose every call waits `ms`. */
const waiting = (name: string, ms: number): Subject => ({
  name,
  call: () => new Promise((resolve) => setTimeout(resolve, ms)),
});

describe("measureCallOverhead", () => {
  it("shows a row's ratio against its baseline, and against a second one when asked", async () => {
    const floor = waiting("floor", 0);
    const sameWork = waiting("same work", 2);
    const rows = await measureCallOverhead(
      [
        { subject: floor, against: floor.name },
        { subject: sameWork, against: floor.name },
        { subject: waiting("subject", 2), against: floor.name, alsoAgainst: sameWork.name },
      ],
      config,
    );

    const sequential = rows.filter((row) => row.measure === "call, sequential");
    expect(sequential.map((row) => row.against)).toEqual(["itself (baseline)", "floor", "floor"]);
    expect(sequential[1]?.ratio).not.toContain(" vs ");
    expect(sequential[2]?.ratio).toMatch(/^\S+× \(p99 \S+×\); \S+× vs same work$/);
    expect(rows.filter((row) => row.measure === "call, 2 in flight")).toHaveLength(3);
  });

  it("refuses a row that compares with a subject it does not measure, before timing anything", async () => {
    let calls = 0;
    const counted: Subject = { name: "counted", call: async () => void calls++ };
    const attempt = measureCallOverhead(
      [{ subject: counted, against: counted.name, alsoAgainst: "missing" }],
      config,
    );
    await expect(attempt).rejects.toThrow(
      'the row of "counted" compares with "missing", which is not measured',
    );
    expect(calls).toBe(0);
  });

  it("gives a targeted ratio's 95 % confidence interval, when there are rounds enough", async () => {
    const floor = waiting("floor", 0);
    const rows = await measureCallOverhead(
      [
        { subject: floor, against: floor.name },
        { subject: waiting("subject", 1), against: floor.name, maxRatio: 1.05 },
      ],
      {
        sequential: { ...small, inFlight: 1, rounds: 6 },
        inFlight: { ...small, inFlight: 2, rounds: 6 },
      } as BenchConfig,
    );
    const targeted = rows.filter((row) => row.subject === "subject");
    expect(targeted).toHaveLength(2);
    for (const row of targeted) {
      expect(row.target).toMatch(/^≤ 1\.05× floor — .+ \(95 % CI \S+×–\S+×, 6 rounds\)$/);
    }
    expect(rows.find((row) => row.subject === "floor")?.target).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawFetch } from "../src/baselines.js";
import {
  type CallStats,
  measureCalls,
  median,
  medianConfidenceRank,
  pairedRatio,
  roundOrder,
} from "../src/harness.js";
import { inviteBody } from "../src/invite-call.js";
import { type LoopbackServer, startLoopbackServer } from "../src/server/loopback-server.js";

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());

const small = { iterations: 20, timeMs: 1, warmupIterations: 5, rounds: 2 };

describe("median", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("roundOrder", () => {
  it("starts each round with the next subject, then runs as many rounds backwards", () => {
    const orders = [0, 1, 2, 3, 4, 5].map((round) => roundOrder(["a", "b", "c"], round).join(""));
    expect(orders).toEqual(["abc", "bca", "cab", "cba", "acb", "bac"]);
    // Over those six rounds each subject is first twice and directly follows each other one equally.
    expect(orders.map((order) => order[0]).sort()).toEqual(["a", "a", "b", "b", "c", "c"]);
    const follows = (x: string, y: string) => orders.filter((o) => o.includes(y + x)).length;
    expect([follows("a", "b"), follows("b", "a"), follows("c", "a"), follows("a", "c")]).toEqual([
      2, 2, 2, 2,
    ]);
  });
});

describe("medianConfidenceRank", () => {
  it("gives the ranks that bound the median with at least 95 % confidence", () => {
    // 5 samples: min and max miss the median with probability 2/32 > 5 %, so no interval.
    expect(medianConfidenceRank(5)).toBeUndefined();
    // 6 samples: 2/64 ≈ 3.1 % ≤ 5 %.
    expect(medianConfidenceRank(6)).toBe(0);
    // Tabulated values for the sign-test interval of the median: n = 20 → 6th from each end, n = 60 → 22nd.
    expect(medianConfidenceRank(20)).toBe(5);
    expect(medianConfidenceRank(60)).toBe(21);
  });
});

describe("pairedRatio", () => {
  const stats = (roundMediansMs: number[]): CallStats => ({
    medianMs: median(roundMediansMs),
    p99Ms: 0,
    callsPerSecond: 0,
    cpuPerCallMs: 0,
    samples: roundMediansMs.length,
    roundMediansMs,
  });

  it("pairs rounds, so a slow spell on both sides cancels out of the ratio and its interval", () => {
    // The machine slows down 3× in the second half; the subject is always 10 % slower.
    const base = [1, 1, 1, 3, 3, 3, 3];
    const paired = pairedRatio(stats(base.map((ms) => ms * 1.1)), stats(base));
    expect(paired.ratio).toBeCloseTo(1.1);
    // Unpaired, the same rounds would range from 1.1 / 3 to 3.3 / 1.
    expect(paired.interval?.[0]).toBeCloseTo(1.1);
    expect(paired.interval?.[1]).toBeCloseTo(1.1);
    expect(paired.rounds).toBe(7);
  });

  it("gives an interval only when there are enough rounds for one", () => {
    expect(pairedRatio(stats([2, 2]), stats([1, 1]))).toEqual({ ratio: 2, rounds: 2 });
    const spread = pairedRatio(stats([1, 2, 3, 4, 5, 6]), stats([1, 1, 1, 1, 1, 1]));
    expect(spread).toEqual({ ratio: 3.5, interval: [1, 6], rounds: 6 });
  });
});

describe("measureCalls", () => {
  it("times each subject over warm-up plus every round, sequentially", async () => {
    const subject = rawFetch(server.url, inviteBody(1));
    server.reset();
    const stats = (await measureCalls([subject], { ...small, inFlight: 1 })).get(subject.name);
    expect(stats?.samples).toBeGreaterThanOrEqual(2 * 20);
    expect(stats?.medianMs).toBeGreaterThan(0);
    expect(stats?.p99Ms).toBeGreaterThanOrEqual(stats?.medianMs ?? Number.POSITIVE_INFINITY);
    expect(server.stats().requests).toBeGreaterThanOrEqual(2 * (20 + 5));
  });

  it("starts each round with the next subject, so none is always first", async () => {
    const order: string[] = [];
    const subjects = ["a", "b"].map((name) => ({
      name,
      call: async () => {
        if (order[order.length - 1] !== name) order.push(name);
      },
    }));
    await measureCalls(subjects, { ...small, rounds: 3, inFlight: 1 });
    // Per round tinybench warms every subject up, then samples them in the same order:
    // round 1 is a b | a b, round 2 is b a | b a, round 3 runs round 1 backwards: b a | b a;
    // `order` drops a repeat at each round's seam.
    expect(order.join(" ")).toBe("a b a b a b a b a b a");
  });

  it("counts this process's CPU per call, which a call that only waits hardly spends", async () => {
    const busy = {
      name: "busy",
      call: async () => {
        const until = performance.now() + 2;
        while (performance.now() < until);
      },
    };
    const waiting = {
      name: "waiting",
      call: () => new Promise((resolve) => setTimeout(resolve, 2)),
    };
    const stats = await measureCalls([busy, waiting], { ...small, inFlight: 1 });
    const busyCpu = stats.get("busy")?.cpuPerCallMs ?? 0;
    const waitingCpu = stats.get("waiting")?.cpuPerCallMs ?? Number.POSITIVE_INFINITY;
    // Both take about 2 ms a call; only the busy one spends it on the CPU.
    expect(busyCpu).toBeGreaterThan(1.5);
    expect(waitingCpu).toBeLessThan(0.5);
  });

  it("keeps calls in flight together when asked to", async () => {
    let inFlight = 0;
    let most = 0;
    const subject = {
      name: "counting",
      call: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
      },
    };
    const stats = await measureCalls([subject], {
      ...small,
      iterations: 64,
      timeMs: 10_000,
      inFlight: 8,
    });
    expect(most).toBe(8);
    expect(stats.get("counting")?.callsPerSecond).toBeGreaterThan(0);
  });

  it("fails loudly when a subject's answer is wrong, so it cannot look fast", async () => {
    const subject = rawFetch("http://127.0.0.1:9", inviteBody(1));
    await expect(measureCalls([subject], { ...small, rounds: 1, inFlight: 1 })).rejects.toThrow();
  });
});

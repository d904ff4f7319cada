import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawFetch } from "../src/baselines.js";
import { measureCalls, median } from "../src/harness.js";
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
    await measureCalls(subjects, { ...small, inFlight: 1 });
    // Per round tinybench warms every subject up, then samples them in the same order:
    // round 1 is a b | a b, round 2 is b a | b a (without rotation it would be a b | a b).
    expect(order).toEqual(["a", "b", "a", "b", "a", "b", "a"]);
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

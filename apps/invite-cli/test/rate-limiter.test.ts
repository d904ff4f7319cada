import { describe, expect, it } from "vitest";
import { type Clock, RateLimiter } from "../src/send/rate-limiter.js";

/** A clock that advances only when someone sleeps: the test never waits. */
function fakeClock(): Clock & { wakeUps: number[] } {
  let now = 1_000;
  const wakeUps: number[] = [];
  return {
    wakeUps,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      wakeUps.push(now);
    },
  };
}

describe("RateLimiter", () => {
  it("lets no one-second window hold more than the rate", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(20, clock);
    const starts: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    const busiestSecond = Math.max(
      ...starts.map((t) => starts.filter((s) => s >= t && s < t + 1000).length),
    );
    expect(busiestSecond).toBe(20);
    expect(starts.at(-1)).toBe(1_000 + 99 * 50);
  });

  it("does not make the first request wait, nor one after a pause", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, clock);
    await limiter.acquire();
    expect(clock.wakeUps).toEqual([]);
    await clock.sleep(5_000);
    await limiter.acquire();
    expect(clock.wakeUps).toEqual([6_000]);
  });

  it("spaces concurrent callers too", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(4, clock);
    await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
    expect(clock.wakeUps).toEqual([1_250, 1_500]);
  });
});

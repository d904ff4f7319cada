/** Time source of the limiter; tests pass a fake one so no test waits on the wall clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Spaces request starts at least 1000/rate ms apart, so no second ever holds more than
 * `requestsPerSecond` starts — DingTalk counts its limit per second, and an even pace
 * never bursts into it the way a refilled bucket can.
 */
export class RateLimiter {
  readonly #interval: number;
  #nextStart = Number.NEGATIVE_INFINITY;

  constructor(
    requestsPerSecond: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.#interval = 1000 / requestsPerSecond;
  }

  /** Resolves when the caller may start its next request. */
  async acquire(): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, this.#nextStart);
    this.#nextStart = start + this.#interval;
    if (start > now) await this.clock.sleep(start - now);
  }
}

import type { HarnessOptions } from "./harness.js";

/** How big each measurement is; `--quick` is the CI smoke mode (a few hundred calls, small lists). */
export interface BenchConfig {
  readonly quick: boolean;
  readonly sequential: HarnessOptions;
  readonly inFlight: HarnessOptions;
  /** Invitees in the body of the validation-cost measurement. */
  readonly validationInvitees: number;
  readonly batch: {
    /** People in the CSV whose achieved rate is measured. */
    readonly people: number;
    /** --rate values given to the CLI, requests per second: DingTalk's limit (the default) and a stress rate. */
    readonly rates: readonly number[];
    readonly batchSize: number;
    /** CSV sizes whose peak RSS is compared, smallest first (the smallest is the baseline). */
    readonly memorySizes: readonly number[];
    /** --rate and --batch-size of the memory runs: high, so a large list finishes quickly. */
    readonly memoryRate: number;
    readonly memoryBatchSize: number;
  };
  /** Run the contract suite and a warm `pnpm test` (minutes, so not in the smoke mode). */
  readonly suiteRuns: boolean;
}

export const IN_FLIGHT = 32;

export function benchConfig(quick: boolean): BenchConfig {
  if (quick) {
    return {
      quick,
      sequential: { inFlight: 1, iterations: 100, timeMs: 0, warmupIterations: 20, rounds: 3 },
      inFlight: {
        inFlight: IN_FLIGHT,
        iterations: 320,
        timeMs: 0,
        warmupIterations: 64,
        rounds: 2,
      },
      validationInvitees: 1000,
      batch: {
        people: 1000,
        rates: [20, 200],
        batchSize: 20,
        memorySizes: [1000, 5000],
        memoryRate: 1000,
        memoryBatchSize: 100,
      },
      suiteRuns: false,
    };
  }
  return {
    quick,
    // Many short rounds rather than a few long ones: ratios are paired within a
    // round (see HarnessOptions.rounds), and 60 pairs give a confidence
    // interval of about ±3 % on this machine's loopback.
    sequential: { inFlight: 1, iterations: 150, timeMs: 0, warmupIterations: 30, rounds: 60 },
    inFlight: {
      inFlight: IN_FLIGHT,
      iterations: 960,
      timeMs: 0,
      warmupIterations: 96,
      rounds: 40,
    },
    validationInvitees: 1000,
    batch: {
      people: 10_000,
      rates: [20, 200],
      batchSize: 20,
      memorySizes: [1000, 10_000, 100_000],
      memoryRate: 1000,
      memoryBatchSize: 100,
    },
    suiteRuns: true,
  };
}

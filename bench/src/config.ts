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
      sequential: { inFlight: 1, iterations: 300, timeMs: 50, warmupIterations: 50, rounds: 1 },
      inFlight: {
        inFlight: IN_FLIGHT,
        iterations: 640,
        timeMs: 10_000,
        warmupIterations: 64,
        rounds: 1,
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
    sequential: { inFlight: 1, iterations: 500, timeMs: 400, warmupIterations: 200, rounds: 9 },
    inFlight: {
      inFlight: IN_FLIGHT,
      iterations: 20_000,
      timeMs: 400,
      warmupIterations: 500,
      rounds: 9,
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

import { Bench } from "tinybench";

/** One way of making the call under test; it must throw when the answer is wrong. */
export interface Subject {
  readonly name: string;
  readonly call: () => Promise<unknown>;
}

export interface CallStats {
  /** Per-call latency, ms. */
  readonly medianMs: number;
  readonly p99Ms: number;
  /** Completed calls per second of wall time. */
  readonly callsPerSecond: number;
  readonly samples: number;
  /** The median of each round, in round order: round i of every subject ran in the same spell. */
  readonly roundMediansMs: readonly number[];
}

export interface HarnessOptions {
  /** Calls kept in flight at once; 1 is sequential. */
  readonly inFlight: number;
  /** Measured calls per subject per round (a floor when sequential, a cap when concurrent). */
  readonly iterations: number;
  /** Time budget per subject per round, ms. */
  readonly timeMs: number;
  /** Warm-up calls per subject before each round's samples are kept. */
  readonly warmupIterations: number;
  /**
   * Rounds of all subjects, one after another, each in a rotated order; each
   * subject's figures are the median over rounds, so a slow spell on a shared
   * machine, or being first after a pause, cannot land on one subject alone.
   */
  readonly rounds: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

async function runRound(
  subjects: readonly Subject[],
  options: HarnessOptions,
): Promise<Map<string, CallStats>> {
  const concurrent = options.inFlight > 1;
  const bench = new Bench({
    concurrency: concurrent ? "task" : null,
    threshold: concurrent ? options.inFlight : Number.POSITIVE_INFINITY,
    iterations: options.iterations,
    time: options.timeMs,
    warmup: true,
    warmupIterations: options.warmupIterations,
    warmupTime: 0,
    throws: true,
  });
  const wallMs = new Map<string, number>();
  for (const subject of subjects) {
    let startedAt = 0;
    bench.add(subject.name, subject.call, {
      async: true,
      beforeAll: (mode) => {
        if (mode === "run") startedAt = performance.now();
      },
      afterAll: (mode) => {
        if (mode === "run") wallMs.set(subject.name, performance.now() - startedAt);
      },
    });
  }
  await bench.run();
  const stats = new Map<string, CallStats>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== "completed")
      throw new Error(`benchmark ${task.name} ended ${result.state}`);
    const samples = result.latency.samplesCount;
    stats.set(task.name, {
      medianMs: result.latency.p50,
      p99Ms: result.latency.p99,
      callsPerSecond: (samples * 1000) / (wallMs.get(task.name) ?? result.totalTime),
      samples,
      roundMediansMs: [result.latency.p50],
    });
  }
  return stats;
}

/** Times every subject with tinybench (warm-up first) and returns median/p99 per call. */
export async function measureCalls(
  subjects: readonly Subject[],
  options: HarnessOptions,
): Promise<Map<string, CallStats>> {
  const rounds: Map<string, CallStats>[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    // Each round starts with the next subject, so none is always first (cold) or last.
    const shift = round % subjects.length;
    rounds.push(await runRound([...subjects.slice(shift), ...subjects.slice(0, shift)], options));
  }
  const combined = new Map<string, CallStats>();
  for (const { name } of subjects) {
    const perRound = rounds.map((round) => round.get(name) as CallStats);
    combined.set(name, {
      medianMs: median(perRound.map((s) => s.medianMs)),
      p99Ms: median(perRound.map((s) => s.p99Ms)),
      callsPerSecond: median(perRound.map((s) => s.callsPerSecond)),
      samples: perRound.reduce((sum, s) => sum + s.samples, 0),
      roundMediansMs: perRound.flatMap((s) => s.roundMediansMs),
    });
  }
  return combined;
}

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
  /**
   * This process's CPU time (user + system, every thread) per call, ms: the
   * loopback server runs in a process of its own, so this is the caller's
   * side alone. With calls in flight it bounds the calls per second.
   */
  readonly cpuPerCallMs: number;
  readonly samples: number;
  /** The median of each round, in round order: round i of every subject ran in the same spell. */
  readonly roundMediansMs: readonly number[];
}

export interface HarnessOptions {
  /** Calls kept in flight at once; 1 is sequential. */
  readonly inFlight: number;
  /** Measured calls per subject per round (a floor when sequential, a cap when concurrent). */
  readonly iterations: number;
  /** Least time per subject per round, ms; 0 lets `iterations` alone decide. */
  readonly timeMs: number;
  /** Warm-up calls per subject before each round's samples are kept. */
  readonly warmupIterations: number;
  /**
   * Rounds of all subjects, one after another. Rounds are short and many: a
   * ratio is taken between two subjects' medians in the same round, seconds
   * apart at most, so a slow spell on a shared machine lands on both sides of
   * it; the figure is the median of those paired ratios (see pairedRatio).
   * See roundOrder: no subject is always first, or always runs right after
   * the same neighbour (whose garbage it would collect).
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

interface Spent {
  readonly wallMs: number;
  readonly cpuMs: number;
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
  /** Wall and CPU time of each subject's measured calls (warm-up excluded). */
  const spent = new Map<string, Spent>();
  for (const subject of subjects) {
    let startedAt = 0;
    let cpuAtStart = process.cpuUsage();
    bench.add(subject.name, subject.call, {
      async: true,
      beforeAll: (mode) => {
        if (mode !== "run") return;
        startedAt = performance.now();
        cpuAtStart = process.cpuUsage();
      },
      afterAll: (mode) => {
        if (mode !== "run") return;
        const cpu = process.cpuUsage(cpuAtStart);
        spent.set(subject.name, {
          wallMs: performance.now() - startedAt,
          cpuMs: (cpu.user + cpu.system) / 1000,
        });
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
    const { wallMs, cpuMs } = spent.get(task.name) as Spent;
    stats.set(task.name, {
      medianMs: result.latency.p50,
      p99Ms: result.latency.p99,
      callsPerSecond: (samples * 1000) / wallMs,
      cpuPerCallMs: cpuMs / samples,
      samples,
      roundMediansMs: [result.latency.p50],
    });
  }
  return stats;
}

/**
 * Round `round`'s order: each round starts with the next subject; after every
 * subject has started once, the next as many rounds run backwards, so each
 * subject follows each of its neighbours as often as it precedes it.
 */
export function roundOrder<T>(subjects: readonly T[], round: number): T[] {
  const shift = round % subjects.length;
  const rotated = [...subjects.slice(shift), ...subjects.slice(0, shift)];
  return Math.floor(round / subjects.length) % 2 ? rotated.reverse() : rotated;
}

/** A ratio of two subjects' medians, paired round by round, with how sure it is. */
export interface PairedRatio {
  /** The median over rounds of (subject's median / baseline's median in that round). */
  readonly ratio: number;
  /** A 95 % confidence interval of that median; absent when there are too few rounds (under 6). */
  readonly interval?: readonly [low: number, high: number];
  readonly rounds: number;
}

/**
 * The largest k for which the k-th smallest and k-th largest of n samples
 * (0-based) bound their population's median with ≥ 95 % confidence: the
 * median lies outside only if at most k samples fall below it (or above),
 * each with probability P(Binomial(n, ½) ≤ k). Undefined when even the
 * smallest and largest do not reach 95 % (n < 6). Needs no assumption about
 * the shape of the distribution, which for latencies on a shared machine is
 * anything but normal.
 */
export function medianConfidenceRank(n: number): number | undefined {
  let belowOrAt = 0;
  let probability = 0.5 ** n; // P(Binomial(n, ½) = 0)
  let rank: number | undefined;
  for (let k = 0; k < n; k += 1) {
    belowOrAt += probability;
    if (2 * belowOrAt > 0.05) break;
    rank = k;
    probability = (probability * (n - k)) / (k + 1);
  }
  return rank;
}

/** The median per-round ratio of `own` to `base`, and its 95 % confidence interval. */
export function pairedRatio(own: CallStats, base: CallStats): PairedRatio {
  const ratios = own.roundMediansMs
    .map((ms, round) => ms / (base.roundMediansMs[round] as number))
    .sort((a, b) => a - b);
  const rounds = ratios.length;
  const k = medianConfidenceRank(rounds);
  return {
    ratio: median(ratios),
    rounds,
    ...(k === undefined
      ? {}
      : { interval: [ratios[k] as number, ratios[rounds - 1 - k] as number] as const }),
  };
}

/** Times every subject with tinybench (warm-up first) and returns median/p99 per call. */
export async function measureCalls(
  subjects: readonly Subject[],
  options: HarnessOptions,
): Promise<Map<string, CallStats>> {
  const rounds: Map<string, CallStats>[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    rounds.push(await runRound(roundOrder(subjects, round), options));
  }
  const combined = new Map<string, CallStats>();
  for (const { name } of subjects) {
    const perRound = rounds.map((round) => round.get(name) as CallStats);
    combined.set(name, {
      medianMs: median(perRound.map((s) => s.medianMs)),
      p99Ms: median(perRound.map((s) => s.p99Ms)),
      callsPerSecond: median(perRound.map((s) => s.callsPerSecond)),
      cpuPerCallMs: median(perRound.map((s) => s.cpuPerCallMs)),
      samples: perRound.reduce((sum, s) => sum + s.samples, 0),
      roundMediansMs: perRound.flatMap((s) => s.roundMediansMs),
    });
  }
  return combined;
}

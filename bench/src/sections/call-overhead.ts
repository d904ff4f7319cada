import type { BenchConfig } from "../config.js";
import {
  type CallStats,
  measureCalls,
  type PairedRatio,
  pairedRatio,
  type Subject,
} from "../harness.js";
import { formatMs, formatRatio, type ResultRow, verdict } from "../report.js";

/** A subject and what its row compares it with. */
export interface CallSubject {
  readonly subject: Subject;
  /** Name of the subject whose median this row is a ratio against (itself for a baseline). */
  readonly against: string;
  /** A ceiling on the median ratio against `against`, when the row has a target. */
  readonly maxRatio?: number;
  /** A subject this one must beat at the median, when the row has such a target. */
  readonly mustBeat?: string;
  /**
   * A second baseline whose median ratio the row also shows: one doing the
   * work `against` skips (a timeout, a fetch-shaped API), so the row says what
   * the subject adds on top of it.
   */
  readonly alsoAgainst?: string;
}

function describe(stats: CallStats, concurrent: boolean): string {
  const latency = `median ${formatMs(stats.medianMs)} · p99 ${formatMs(stats.p99Ms)}`;
  const cpu = `CPU ${formatMs(stats.cpuPerCallMs)} per call`;
  return concurrent
    ? `${latency} · ${Math.round(stats.callsPerSecond)} calls/s · ${cpu}`
    : `${latency} · ${cpu}`;
}

/** " (95 % CI a×–b×, n rounds)": a verdict whose interval straddles its target is one a rerun may flip. */
function intervalNote({ interval, rounds }: PairedRatio): string {
  return interval
    ? ` (95 % CI ${formatRatio(interval[0])}–${formatRatio(interval[1])}, ${rounds} rounds)`
    : "";
}

function targetOf(
  entry: CallSubject,
  stats: Map<string, CallStats>,
  own: CallStats,
): string | undefined {
  const goals: string[] = [];
  if (entry.maxRatio !== undefined) {
    const paired = pairedRatio(own, stats.get(entry.against) as CallStats);
    goals.push(
      verdict(`≤ ${entry.maxRatio}× ${entry.against}`, paired.ratio <= entry.maxRatio) +
        intervalNote(paired),
    );
  }
  if (entry.mustBeat !== undefined) {
    const paired = pairedRatio(own, stats.get(entry.mustBeat) as CallStats);
    goals.push(
      verdict(`ahead of ${entry.mustBeat} (${formatRatio(paired.ratio)})`, paired.ratio < 1) +
        intervalNote(paired),
    );
  }
  return goals.length ? goals.join("; ") : undefined;
}

function ratioCell(
  own: CallStats,
  base: CallStats,
  alsoAgainst: string | undefined,
  stats: Map<string, CallStats>,
): string {
  const cell = `${formatRatio(pairedRatio(own, base).ratio)} (p99 ${formatRatio(own.p99Ms / base.p99Ms)})`;
  if (alsoAgainst === undefined) return cell;
  const second = pairedRatio(own, stats.get(alsoAgainst) as CallStats);
  return `${cell}; ${formatRatio(second.ratio)} vs ${alsoAgainst}`;
}

/** Every name a row compares with is one of the measured subjects: a typo fails before any timing. */
function assertComparedSubjectsMeasured(entries: readonly CallSubject[]): void {
  const measured = new Set(entries.map((entry) => entry.subject.name));
  for (const entry of entries) {
    for (const name of [entry.against, entry.mustBeat, entry.alsoAgainst]) {
      if (name !== undefined && !measured.has(name)) {
        throw new Error(
          `the row of "${entry.subject.name}" compares with "${name}", which is not measured`,
        );
      }
    }
  }
}

/**
 * Latency per invite call on loopback, sequential and with 32 in flight. A
 * row's ratio is the median of its per-round ratios to the baseline (see
 * pairedRatio); the p99 ratio compares the two subjects' p99s.
 */
export async function measureCallOverhead(
  entries: readonly CallSubject[],
  config: BenchConfig,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  const subjects = entries.map((entry) => entry.subject);
  assertComparedSubjectsMeasured(entries);
  for (const [label, options] of [
    ["call, sequential", config.sequential],
    [`call, ${config.inFlight.inFlight} in flight`, config.inFlight],
  ] as const) {
    const stats = await measureCalls(subjects, options);
    for (const entry of entries) {
      const own = stats.get(entry.subject.name) as CallStats;
      const base = stats.get(entry.against) as CallStats;
      rows.push({
        measure: label,
        subject: entry.subject.name,
        measured: describe(own, options.inFlight > 1),
        ratio: ratioCell(own, base, entry.alsoAgainst, stats),
        against: entry.against === entry.subject.name ? "itself (baseline)" : entry.against,
        target: targetOf(entry, stats, own),
      });
    }
  }
  return rows;
}

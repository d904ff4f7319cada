import type { BenchConfig } from "../config.js";
import { type CallStats, measureCalls, type Subject } from "../harness.js";
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
  return concurrent ? `${latency} · ${Math.round(stats.callsPerSecond)} calls/s` : latency;
}

/**
 * The middle half of the ratio's per-round values, each round's median
 * against the baseline's in the same round: a verdict whose range straddles
 * its target is one a rerun may flip. (Not the whole range: within a round
 * the subjects run seconds apart, so one slow spell makes an extreme.) Empty
 * for a single round.
 */
function roundSpread(own: CallStats, base: CallStats): string {
  const ratios = own.roundMediansMs
    .map((ms, round) => ms / (base.roundMediansMs[round] as number))
    .sort((a, b) => a - b);
  if (ratios.length < 2) return "";
  const last = ratios.length - 1;
  const low = ratios[Math.floor(last / 4)] as number;
  const high = ratios[Math.ceil((3 * last) / 4)] as number;
  return ` (middle half of rounds ${formatRatio(low)}–${formatRatio(high)})`;
}

function targetOf(
  entry: CallSubject,
  stats: Map<string, CallStats>,
  own: CallStats,
): string | undefined {
  const goals: string[] = [];
  if (entry.maxRatio !== undefined) {
    const base = stats.get(entry.against) as CallStats;
    const ratio = own.medianMs / base.medianMs;
    goals.push(
      verdict(`≤ ${entry.maxRatio}× ${entry.against}`, ratio <= entry.maxRatio) +
        roundSpread(own, base),
    );
  }
  if (entry.mustBeat !== undefined) {
    const rival = stats.get(entry.mustBeat) as CallStats;
    const ratio = own.medianMs / rival.medianMs;
    goals.push(verdict(`ahead of ${entry.mustBeat} (${formatRatio(ratio)})`, ratio < 1));
  }
  return goals.length ? goals.join("; ") : undefined;
}

function ratioCell(
  own: CallStats,
  base: CallStats,
  alsoAgainst: string | undefined,
  stats: Map<string, CallStats>,
): string {
  const cell = `${formatRatio(own.medianMs / base.medianMs)} (p99 ${formatRatio(own.p99Ms / base.p99Ms)})`;
  if (alsoAgainst === undefined) return cell;
  const second = stats.get(alsoAgainst) as CallStats;
  return `${cell}; ${formatRatio(own.medianMs / second.medianMs)} vs ${alsoAgainst}`;
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
 * Latency per invite call on loopback, sequential and with 32 in flight; every
 * median and p99 is a ratio against the same figure of the row's baseline.
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

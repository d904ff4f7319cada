import { cpus, totalmem } from "node:os";

/** One line of the results table: a figure, the baseline it is a ratio against, and its target. */
export interface ResultRow {
  /** The measurement this row belongs to, e.g. "call, sequential". */
  readonly measure: string;
  readonly subject: string;
  /** The absolute figure, for reading only: nothing asserts on it. */
  readonly measured: string;
  /** The ratio against `against`, measured in the same run. */
  readonly ratio: string;
  readonly against: string;
  /** The target and whether this run met it; empty for baselines and context rows. */
  readonly target?: string;
  /** The figure could not be measured; `measured` says why. */
  readonly failed?: true;
}

/** A row for a figure that could not be measured, saying why. */
export function failedRow(
  measure: string,
  subject: string,
  against: string,
  reason: string,
): ResultRow {
  return { measure, subject, measured: `failed: ${reason}`, ratio: "—", against, failed: true };
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(0)} µs`;
}

export const formatBytes = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${bytes} B`;

export const formatRatio = (value: number): string =>
  value >= 100
    ? `${value.toFixed(0)}×`
    : value >= 10
      ? `${value.toFixed(1)}×`
      : `${value.toFixed(2)}×`;

/** "≤ 1.05× raw fetch — met" style verdicts; informative only, the exit code never depends on them. */
export const verdict = (goal: string, met: boolean): string =>
  `${goal} — ${met ? "met" : "**missed**"}`;

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}

/** The results as one Markdown table, columns padded so it reads in a terminal too. */
export function renderTable(rows: readonly ResultRow[]): string {
  const header = ["Measure", "Subject", "Measured", "Ratio", "Against", "Target"];
  const cells = rows.map((row) =>
    [row.measure, row.subject, row.measured, row.ratio, row.against, row.target ?? ""].map(
      escapeCell,
    ),
  );
  const widths = header.map((title, column) =>
    Math.max(title.length, 3, ...cells.map((line) => (line[column] as string).length)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] as number)).join(" | ")} |`;
  return `${[line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n")}\n`;
}

/** CPU model, cores, memory, Node version and date: what a reader needs to compare two runs. */
export function describeMachine(now: Date = new Date()): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? "unknown CPU";
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(0);
  return `${model}, ${cpu.length} cores, ${memoryGiB} GiB memory; Node ${process.version}; ${now.toISOString().slice(0, 10)}`;
}

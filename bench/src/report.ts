import { cpus, totalmem } from "node:os";

/**
 * One line of the results table: the figure (for reading; nothing asserts on
 * it), its ratio against `against` measured in the same run, and the goal with
 * whether this run met it. `failed`: the figure could not be measured.
 */
export interface ResultRow {
  readonly measure: string;
  readonly subject: string;
  readonly measured: string;
  readonly ratio: string;
  readonly against: string;
  readonly goal?: string;
  readonly failed?: true;
}

/** The row of a baseline: the subject the others in its measure are ratios against. */
export function baselineRow(measure: string, subject: string, measured: string): ResultRow {
  return { measure, subject, measured, ratio: "1.00×", against: "itself (baseline)" };
}

/** Three significant digits ("1.10", "1000"): toPrecision would write "1.00e+3" from 1,000 on. */
const threeDigits = new Intl.NumberFormat("en-US", {
  minimumSignificantDigits: 3,
  maximumSignificantDigits: 3,
  useGrouping: false,
}).format;

export function formatMs(ms: number): string {
  // Rounded before the unit is chosen, so 999.6 ms reads "1 s", not "1000 ms".
  const rounded = Number(ms.toPrecision(3));
  if (rounded >= 1000) return `${threeDigits(rounded / 1000)} s`;
  if (rounded >= 1) return `${threeDigits(rounded)} ms`;
  return `${threeDigits(rounded * 1000)} µs`;
}

/** Decimal units, as size-limit prints them (its "6.5 kB" is 6,500 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}

export const formatRatio = (value: number): string => `${threeDigits(value)}×`;

/** "÷150" reads "150 times smaller", rounded down so it never reaches a goal it misses. */
export const timesSmaller = (own: number, base: number): string => `÷${Math.floor(base / own)}`;

/** "≤ 1.10× raw fetch — met"; for reading only, the exit code never depends on it. */
export const verdict = (goal: string, met: boolean): string =>
  `${goal} — ${met ? "met" : "**missed**"}`;

/** The rows as one Markdown table, columns padded so it reads in a terminal too. */
export function renderTable(rows: readonly ResultRow[]): string {
  const header = ["Measure", "Subject", "Measured", "Ratio", "Against", "Goal"];
  const cells = rows.map((row) =>
    [row.measure, row.subject, row.measured, row.ratio, row.against, row.goal ?? ""].map((cell) =>
      cell.replaceAll("|", "\\|"),
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

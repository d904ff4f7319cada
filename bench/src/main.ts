// `pnpm bench`: the goals of the client and the CLI, each a ratio against a baseline of the same run.
import { writeFile } from "node:fs/promises";
import { parseBenchArgs, type Scale, UsageError } from "./args.js";
import { measureColdStart } from "./cold-start.js";
import { measureCpuPerCall } from "./cpu-per-call.js";
import { measureDependencies } from "./dependencies.js";
import { measureCli } from "./invite-cli.js";
import { describeMachine, type ResultRow, renderTable } from "./report.js";
import { measureSize } from "./size.js";

/** The measures in table order, by the names `--only` takes. */
const measures: Record<string, (scale: Scale) => Promise<ResultRow[]>> = {
  size: measureSize,
  dependencies: measureDependencies,
  "cold-start": measureColdStart,
  "cpu-per-call": measureCpuPerCall,
  cli: measureCli,
};

let args: ReturnType<typeof parseBenchArgs>;
try {
  args = parseBenchArgs(process.argv.slice(2), Object.keys(measures));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`bench: ${error.message}`);
  process.exit(2);
}

const machine = describeMachine();
console.log(`${["bench", ...process.argv.slice(2)].join(" ")}: ${machine}`);
const rows: ResultRow[] = [];
for (const [name, measure] of Object.entries(measures)) {
  if (!args.only.includes(name)) continue;
  try {
    rows.push(...(await measure(args.scale)));
  } catch (error) {
    // One failed measure becomes a row that says so; the others are still taken.
    console.error(`bench: ${name} failed:`, error);
    const measured = `failed: ${String(error).split("\n")[0]}`;
    rows.push({ measure: name, subject: "—", measured, ratio: "—", against: "—", failed: true });
  }
}
const table = renderTable(rows);
console.log(`\n${table}`);
// A figure that could not be measured fails the run (CI's quick run exists for this) and
// leaves RESULTS.md as it was; a missed goal never does: the figures are for reading.
const failed = rows.some((row) => row.failed);
if (!args.quick && !failed && args.only.length === Object.keys(measures).length) {
  const results = new URL("../RESULTS.md", import.meta.url);
  const intro = "Written by `pnpm bench`; [README.md](README.md) explains each row.";
  await writeFile(results, `# Benchmark results\n\n${intro}\n\n${machine}\n\n${table}`);
  console.log(`written to ${results.pathname}`);
}
process.exitCode = failed ? 1 : 0;

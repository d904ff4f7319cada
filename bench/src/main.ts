// `pnpm bench` (full run, writes RESULTS.md) and `pnpm bench --quick` (CI smoke
// mode: a few hundred calls, small lists, writes nothing).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  fetchWithRequest,
  nodeHttp,
  plainOpenapiFetch,
  rawFetch,
  rawFetchWithTimeout,
  vendorSdk,
} from "./baselines.js";
import { benchRoot } from "./bench-root.js";
import {
  clientRaw,
  clientWithFetch,
  clientWithNodeTransport,
  nodeTransportAlone,
} from "./client-subjects.js";
import { type BenchConfig, benchConfig } from "./config.js";
import { inviteBody } from "./invite-call.js";
import { withSummary } from "./readme-summary.js";
import { describeMachine, failedRow, type ResultRow, renderTable } from "./report.js";
import { measureBatch } from "./sections/batch.js";
import { measureCallOverhead } from "./sections/call-overhead.js";
import { measureSuite } from "./sections/suite.js";
import { measureValidation } from "./sections/validation.js";
import { measureWeight } from "./sections/weight.js";
import { startServerProcess } from "./server/server-process.js";

const resultsFile = join(benchRoot, "RESULTS.md");
const rootReadme = join(benchRoot, "..", "README.md");

/** Loopback call overhead and validation cost, which share one server process. */
async function measureCalls(config: BenchConfig): Promise<ResultRow[]> {
  const server = await startServerProcess();
  try {
    const body = inviteBody(1);
    const raw = rawFetch(server.url, body);
    const node = nodeHttp(server.url, body);
    const vendor = vendorSdk(server.url, body);
    // The client bounds every attempt with a timeout; these two do the same
    // with nothing else, so its rows also say what it adds on top of them.
    const rawWithTimeout = rawFetchWithTimeout(server.url, body);
    const transportAlone = nodeTransportAlone(server.url, body);
    const calls = await measureCallOverhead(
      [
        { subject: raw, against: raw.name },
        { subject: rawWithTimeout, against: raw.name },
        { subject: fetchWithRequest(server.url, body), against: raw.name },
        { subject: plainOpenapiFetch(server.url, body), against: raw.name },
        { subject: clientRaw(server.url, body, "default fetch"), against: raw.name },
        {
          subject: clientWithFetch(server.url, body),
          against: raw.name,
          maxRatio: 1.05,
          alsoAgainst: rawWithTimeout.name,
        },
        { subject: node, against: node.name },
        { subject: vendor, against: node.name },
        { subject: transportAlone, against: node.name },
        { subject: clientRaw(server.url, body, "Node transport"), against: node.name },
        {
          subject: clientWithNodeTransport(server.url, body),
          against: node.name,
          maxRatio: 1.2,
          mustBeat: vendor.name,
          alsoAgainst: transportAlone.name,
        },
      ],
      config,
    );
    return [...calls, ...(await measureValidation(config, server.url))];
  } finally {
    await server.close();
  }
}

/** A section that throws becomes one failed row, so the rest of the table still gets measured. */
async function section(name: string, measure: () => Promise<ResultRow[]>): Promise<ResultRow[]> {
  try {
    return await measure();
  } catch (error) {
    console.error(`bench: ${name} failed:`, error);
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return [failedRow(name, "(whole section)", "—", reason)];
  }
}

/** The sections in table order, by the name `--only` takes. */
const sections: Record<string, (config: BenchConfig) => Promise<ResultRow[]>> = {
  calls: measureCalls,
  weight: measureWeight,
  batch: measureBatch,
  suite: measureSuite,
};

/** The sections `--only a,b` names (all when absent); an unknown name stops the run before measuring. */
function chosenSections(argv: readonly string[]): string[] {
  const at = argv.indexOf("--only");
  if (at === -1) return Object.keys(sections);
  const names = [...new Set((argv[at + 1] ?? "").split(",").filter(Boolean))];
  const unknown = names.filter((name) => !Object.hasOwn(sections, name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(
      `--only takes a comma-separated list of ${Object.keys(sections).join(", ")}; got ${JSON.stringify(argv[at + 1] ?? "")}`,
    );
  }
  return names;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const config = benchConfig(argv.includes("--quick"));
  const names = chosenSections(argv);
  const complete = Object.keys(sections).every((name) => names.includes(name));
  const machine = describeMachine();
  console.log(
    `bench${config.quick ? " --quick" : ""}${complete ? "" : ` --only ${names}`}: ${machine}`,
  );
  const rows: ResultRow[] = [];
  for (const [name, measure] of Object.entries(sections)) {
    if (names.includes(name)) rows.push(...(await section(name, () => measure(config))));
  }

  const table = renderTable(rows);
  console.log(`\n${table}`);
  // RESULTS.md is the whole table: a partial or smoke run only prints.
  if (!config.quick && complete) {
    // The README first: a README without its markers stops the run before either file changes.
    const summary = renderTable(rows.filter((row) => row.target !== undefined));
    const readme = withSummary(
      await readFile(rootReadme, "utf8"),
      `${machine}\n\n${summary}`,
      "README.md",
    );
    await writeFile(resultsFile, `# Benchmark results\n\n${machine}\n\n${table}`);
    await writeFile(rootReadme, readme);
    console.log(`written to ${resultsFile}, and the rows with a target to ${rootReadme}`);
  }
  // A figure that could not be measured fails the run (CI's smoke mode exists for this);
  // a missed target never does: figures are for reading, not asserting.
  if (rows.some((row) => row.failed)) process.exitCode = 1;
}

await main();

// `pnpm bench` (full run, writes RESULTS.md) and `pnpm bench --quick` (CI smoke
// mode: a few hundred calls, small lists, writes nothing).
import { writeFile } from "node:fs/promises";
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
import { clientWithFetch, clientWithNodeTransport, nodeTransportAlone } from "./client-subjects.js";
import { type BenchConfig, benchConfig } from "./config.js";
import { inviteBody } from "./invite-call.js";
import { describeMachine, failedRow, type ResultRow, renderTable } from "./report.js";
import { measureBatch } from "./sections/batch.js";
import { measureCallOverhead } from "./sections/call-overhead.js";
import { measureSuite } from "./sections/suite.js";
import { measureValidation } from "./sections/validation.js";
import { measureWeight } from "./sections/weight.js";
import { startServerProcess } from "./server/server-process.js";

const resultsFile = join(benchRoot, "RESULTS.md");

/** Loopback call overhead and validation cost, which share one server process. */
async function measureCalls(config: BenchConfig): Promise<ResultRow[]> {
  const server = await startServerProcess();
  try {
    const body = inviteBody(1);
    const raw = rawFetch(server.url, body);
    const node = nodeHttp(server.url, body);
    const vendor = vendorSdk(server.url, body);
    const calls = await measureCallOverhead(
      [
        { subject: raw, against: raw.name },
        { subject: rawFetchWithTimeout(server.url, body), against: raw.name },
        { subject: fetchWithRequest(server.url, body), against: raw.name },
        { subject: plainOpenapiFetch(server.url, body), against: raw.name },
        { subject: clientWithFetch(server.url, body), against: raw.name, maxRatio: 1.05 },
        { subject: node, against: node.name },
        { subject: vendor, against: node.name },
        { subject: nodeTransportAlone(server.url, body), against: node.name },
        {
          subject: clientWithNodeTransport(server.url, body),
          against: node.name,
          maxRatio: 1.2,
          mustBeat: vendor.name,
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

async function main(): Promise<void> {
  const config = benchConfig(process.argv.includes("--quick"));
  const machine = describeMachine();
  console.log(`bench${config.quick ? " --quick" : ""}: ${machine}`);
  const rows = [
    ...(await section("calls and validation", () => measureCalls(config))),
    ...(await section("weight", measureWeight)),
    ...(await section("batch", () => measureBatch(config))),
    ...(await section("suite", () => measureSuite(config))),
  ];

  const table = renderTable(rows);
  console.log(`\n${table}`);
  if (!config.quick) {
    await writeFile(resultsFile, `# Benchmark results\n\n${machine}\n\n${table}`);
    console.log(`written to ${resultsFile}`);
  }
  // A figure that could not be measured fails the run (CI's smoke mode exists for this);
  // a missed target never does: figures are for reading, not asserting.
  if (rows.some((row) => row.failed)) process.exitCode = 1;
}

await main();

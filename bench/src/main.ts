// `pnpm bench` (full run, writes RESULTS.md) and `pnpm bench --quick` (CI smoke
// mode: a few hundred calls, small lists, writes nothing).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fetchWithRequest, nodeHttp, plainOpenapiFetch, rawFetch, vendorSdk } from "./baselines.js";
import { benchRoot } from "./bench-root.js";
import { clientWithFetch, clientWithNodeTransport, nodeTransportAlone } from "./client-subjects.js";
import { benchConfig } from "./config.js";
import { inviteBody } from "./invite-call.js";
import { describeMachine, type ResultRow, renderTable } from "./report.js";
import { measureBatch } from "./sections/batch.js";
import { measureCallOverhead } from "./sections/call-overhead.js";
import { measureSuite } from "./sections/suite.js";
import { measureValidation } from "./sections/validation.js";
import { measureWeight } from "./sections/weight.js";
import { startServerProcess } from "./server/server-process.js";

const resultsFile = join(benchRoot, "RESULTS.md");

async function main(): Promise<void> {
  const config = benchConfig(process.argv.includes("--quick"));
  const machine = describeMachine();
  console.log(`bench${config.quick ? " --quick" : ""}: ${machine}`);
  const rows: ResultRow[] = [];

  const server = await startServerProcess();
  try {
    const body = inviteBody(1);
    const raw = rawFetch(server.url, body);
    const node = nodeHttp(server.url, body);
    const vendor = vendorSdk(server.url, body);
    rows.push(
      ...(await measureCallOverhead(
        [
          { subject: raw, against: raw.name },
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
      )),
    );
    rows.push(...(await measureValidation(config, server.url)));
  } finally {
    await server.close();
  }
  rows.push(...(await measureWeight()));
  rows.push(...(await measureBatch(config)));
  rows.push(...(await measureSuite(config)));

  const table = renderTable(rows);
  console.log(`\n${table}`);
  if (!config.quick) {
    await writeFile(resultsFile, `# Benchmark results\n\n${machine}\n\n${table}`);
    console.log(`written to ${resultsFile}`);
  }
}

await main();

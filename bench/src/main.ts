// `pnpm bench` (full run, writes RESULTS.md) and `pnpm bench --quick` (CI smoke
// mode: a few hundred calls, small lists, writes nothing).
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { fetchWithRequest, nodeHttp, plainOpenapiFetch, rawFetch, vendorSdk } from "./baselines.js";
import { benchConfig } from "./config.js";
import { inviteBody } from "./invite-call.js";
import { describeMachine, type ResultRow, renderTable } from "./report.js";
import { measureCallOverhead } from "./sections/call-overhead.js";
import { startServerProcess } from "./server/server-process.js";

const resultsFile = fileURLToPath(new URL("../RESULTS.md", import.meta.url));

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
    rows.push(
      ...(await measureCallOverhead(
        [
          { subject: raw, against: raw.name },
          { subject: fetchWithRequest(server.url, body), against: raw.name },
          { subject: plainOpenapiFetch(server.url, body), against: raw.name },
          { subject: node, against: node.name },
          { subject: vendorSdk(server.url, body), against: node.name },
        ],
        config,
      )),
    );
  } finally {
    await server.close();
  }

  const table = renderTable(rows);
  console.log(`\n${table}`);
  if (!config.quick) {
    await writeFile(resultsFile, `# Benchmark results\n\n${machine}\n\n${table}`);
    console.log(`written to ${resultsFile}`);
  }
}

await main();

import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Scale } from "./args.js";
import { withLoopbackServer } from "./loopback.js";
import { formatMs, formatRatio, type ResultRow, verdict } from "./report.js";
import { fixedBench, statisticsOf } from "./timing.js";

/** Programs that start, invite one user on the server (argv[2]) and exit; the first is the baseline. */
const programs = [
  { subject: "raw fetch", file: "invite-raw-fetch.mjs" },
  { subject: "@dingtalk-conference/client", file: "invite-client.mjs", maxRatio: 1.1 },
  { subject: "vendor SDK, documented import", file: "invite-vendor-sdk.cjs" },
];

/** A new `node` process per run, from spawn to exit: what a script or a serverless cold start pays. */
export async function measureColdStart(scale: Scale): Promise<ResultRow[]> {
  return withLoopbackServer(async (server) => {
    const bench = fixedBench(scale.coldStarts, 1);
    for (const { subject, file } of programs) {
      const program = fileURLToPath(new URL(`../programs/${file}`, import.meta.url));
      bench.add(subject, () => promisify(execFile)(process.execPath, [program, server.url]));
    }
    const medians = (await bench.run()).map((task) => statisticsOf(task).p50);
    const baseline = medians[0] as number;
    return programs.map(({ subject, maxRatio }, index) => {
      const ratio = (medians[index] as number) / baseline;
      return {
        measure: "cold start: new node process, import, one call",
        subject,
        measured: `median ${formatMs(medians[index] as number)} of ${scale.coldStarts}`,
        ratio: formatRatio(ratio),
        against: index === 0 ? "itself (baseline)" : "raw fetch",
        goal: maxRatio ? verdict(`≤ ${maxRatio}× raw fetch`, ratio <= maxRatio) : undefined,
      };
    });
  });
}

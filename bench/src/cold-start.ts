import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Scale } from "./args.js";
import { withLoopbackServer } from "./loopback.js";
import { formatMs, formatRatio, type ResultRow, verdict } from "./report.js";
import { timeInRounds } from "./timing.js";

/** Programs that start, invite one user on the server (argv[2]) and exit; the first is the baseline. */
const programs = [
  { subject: "raw fetch", file: "invite-raw-fetch.mjs" },
  { subject: "@dingtalk-conference/client", file: "invite-client.mjs", maxRatio: 1.1 },
  { subject: "vendor SDK, documented import", file: "invite-vendor-sdk.cjs" },
];

/** A new `node` process per run, from spawn to exit: what a script or a serverless cold start pays. */
export async function measureColdStart(scale: Scale): Promise<ResultRow[]> {
  return withLoopbackServer(async (server) => {
    const subjects = Object.fromEntries(
      programs.map(({ subject, file }) => {
        const program = join(import.meta.dirname, "../programs", file);
        return [subject, () => promisify(execFile)(process.execPath, [program, server.url])];
      }),
    );
    // One run of each program per round, no warm-up: a cold start is the point.
    const once = { iterations: 1, warmupIterations: 0 };
    const medians = await timeInRounds(subjects, scale.coldStarts, once);
    const baseline = medians[0] as number;
    return programs.map(({ subject, maxRatio }, index) => {
      const median = medians[index] as number;
      const ratio = median / baseline;
      return {
        measure: "cold start: new node process, import, one call",
        subject,
        measured: `median ${formatMs(median)} of ${scale.coldStarts} runs`,
        ratio: formatRatio(ratio),
        against: index === 0 ? "itself (baseline)" : "raw fetch",
        goal: maxRatio
          ? verdict(`≤ ${formatRatio(maxRatio)} raw fetch`, ratio <= maxRatio)
          : undefined,
      };
    });
  });
}

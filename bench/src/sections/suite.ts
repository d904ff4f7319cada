import { spawn } from "node:child_process";
import { once } from "node:events";
import { dirname } from "node:path";
import { benchRoot } from "../bench-root.js";
import type { BenchConfig } from "../config.js";
import { median } from "../harness.js";
import { accessToken, inviteBody, inviteUrl } from "../invite-call.js";
import { failedRow, formatMs, formatRatio, type ResultRow } from "../report.js";
import { startServerProcess } from "../server/server-process.js";

const repoRoot = dirname(benchRoot);

async function firstAnswer(baseUrl: string): Promise<void> {
  const response = await fetch(inviteUrl(baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": accessToken },
    body: JSON.stringify(inviteBody(1)),
  });
  await response.arrayBuffer();
}

/** Median wall time of `runs` calls of `task`. */
async function timeIt(runs: number, task: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const startedAt = performance.now();
    await task();
    times.push(performance.now() - startedAt);
  }
  return median(times);
}

/** Runs a command in the repository root; rejects when it fails, with the end of its output. */
async function runInRepo(command: string, args: readonly string[]): Promise<void> {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-4000);
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const [exitCode] = (await once(child, "close")) as [number | null];
  if (exitCode !== 0) throw new Error(`${command} ${args.join(" ")} exited ${exitCode}\n${output}`);
}

/** Like timeIt, but a failure becomes a row that says so instead of ending the bench. */
async function timeAttempt(runs: number, task: () => Promise<void>): Promise<number | Error> {
  try {
    return await timeIt(runs, task);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

const timeSuite = (runs: number, command: string, args: readonly string[]) =>
  timeAttempt(runs, () => runInRepo(command, args));

/** A row whose figure is a ratio against `base`, or that says why it could not be measured. */
function suiteRow(
  measure: string,
  subject: string,
  figure: number | Error,
  base: { name: string; ms: number | Error },
): ResultRow {
  if (figure instanceof Error) {
    return failedRow(measure, subject, base.name, figure.message.split("\n")[0] as string);
  }
  return {
    measure,
    subject,
    measured: formatMs(figure),
    ratio: base.ms instanceof Error ? "—" : formatRatio(figure / base.ms),
    against: base.name,
  };
}

/**
 * What the test suites cost: Prism's start-up to first answer against a bare
 * node:http server process's; in the full run also the contract suite and a
 * warm (cached) `pnpm test` against pnpm and turbo merely starting.
 */
export async function measureSuite(config: BenchConfig): Promise<ResultRow[]> {
  const runs = config.quick ? 1 : 3;
  const serverStart = await timeIt(runs, async () => {
    const server = await startServerProcess();
    await firstAnswer(server.url);
    await server.close();
  });
  const prismStart = await timeAttempt(runs, async () => {
    // Imported here so a broken mock build costs its own rows, not the whole run.
    const { startMock } = await import("@dingtalk-conference/mock");
    const mock = await startMock();
    try {
      await firstAnswer(mock.url);
    } finally {
      await mock.stop();
    }
  });
  const serverRow = "node:http server process";
  const prismRow = "Prism mock (startMock)";
  const rows: ResultRow[] = [
    {
      measure: "suite, start to first answer",
      subject: serverRow,
      measured: formatMs(serverStart),
      ratio: "1.00×",
      against: "itself (baseline)",
    },
    suiteRow("suite, start to first answer", prismRow, prismStart, {
      name: serverRow,
      ms: serverStart,
    }),
  ];
  if (!config.suiteRuns) return rows;

  const contract = await timeSuite(1, "pnpm", [
    "--filter",
    "@dingtalk-conference/contract-tests",
    "run",
    "test",
  ]);
  rows.push(
    suiteRow("suite, wall time", "contract suite", contract, { name: prismRow, ms: prismStart }),
  );

  const toolRow = "pnpm + turbo start (turbo --version)";
  const toolStart = await timeIt(3, () => runInRepo("pnpm", ["exec", "turbo", "--version"]));
  // The first run fills turbo's cache (or finds it full); the second is the warm one.
  await timeSuite(1, "pnpm", ["test"]);
  const warm = await timeSuite(1, "pnpm", ["test"]);
  rows.push(
    {
      measure: "suite, wall time",
      subject: toolRow,
      measured: formatMs(toolStart),
      ratio: "1.00×",
      against: "itself (baseline)",
    },
    suiteRow("suite, wall time", "warm pnpm test (turbo cache hit)", warm, {
      name: toolRow,
      ms: toolStart,
    }),
  );
  return rows;
}

import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BenchConfig } from "../config.js";
import { median } from "../harness.js";
import { accessToken, conferenceId } from "../invite-call.js";
import { inviteCliScript } from "../invite-cli.js";
import { type ProcessRun, runNodeMeasured } from "../peak-rss.js";
import { writePeopleCsv } from "../people-csv.js";
import { formatBytes, formatMs, formatRatio, type ResultRow, verdict } from "../report.js";
import { startServerProcess } from "../server/server-process.js";

/**
 * What the CLI must hold to: nearly the rate asked for, and memory that stays flat and
 * small as the list grows, so a large invitation list is safe to run on a small machine.
 */
const minimumRateShare = 0.95;
const flatGrowth = 1.25;
const memoryCeilingBytes = 100 * 1024 * 1024;

interface CliRun {
  readonly people: number;
  readonly requests: number;
  readonly invitees: number;
  /** Requests per second between the first and the last request the server saw. */
  readonly achievedRate: number;
  readonly wallMs: number;
  readonly peakRssBytes: number;
}

/**
 * Runs the CLI, measured, on a generated CSV of `people` with a fresh journal, both in a
 * temporary directory removed afterwards; a failed run throws with the end of its stderr.
 */
async function runCliOnCsv(people: number, options: readonly string[]): Promise<ProcessRun> {
  const dir = await mkdtemp(join(tmpdir(), "bench-cli-"));
  try {
    const csv = join(dir, "people.csv");
    await writePeopleCsv(csv, people);
    const run = await runNodeMeasured([
      inviteCliScript(),
      conferenceId,
      "--csv",
      csv,
      "--journal",
      join(dir, "journal"),
      "--token",
      accessToken,
      ...options,
    ]);
    if (run.exitCode !== 0) {
      throw new Error(
        `the CLI (${options.join(" ")}) exited ${run.exitCode}\n${run.stderr.slice(-2000)}`,
      );
    }
    return run;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function inviteFromCsv(people: number, rate: number, batchSize: number): Promise<CliRun> {
  const server = await startServerProcess({ countInvitees: true });
  try {
    const run = await runCliOnCsv(people, [
      "--base-url",
      server.url,
      "--rate",
      String(rate),
      "--batch-size",
      String(batchSize),
      "--json",
    ]);
    const stats = await server.stats();
    if (stats.invitees !== people) {
      throw new Error(`the CLI invited ${stats.invitees} of ${people} people`);
    }
    const spanSeconds = (stats.lastRequestAt - stats.firstRequestAt) / 1000;
    return {
      people,
      requests: stats.requests,
      invitees: stats.invitees,
      achievedRate: spanSeconds > 0 ? (stats.requests - 1) / spanSeconds : Number.POSITIVE_INFINITY,
      wallMs: run.wallMs,
      peakRssBytes: run.peakRssBytes,
    };
  } finally {
    await server.close();
  }
}

/**
 * Peak memory of `--dry-run` on the same CSV: everything but sending (reading,
 * validating and planning the list), which tells whether growth comes from
 * holding the list or from the requests.
 */
async function dryRunPeakRss(people: number): Promise<number> {
  return (await runCliOnCsv(people, ["--dry-run"])).peakRssBytes;
}

const plural = (count: number, noun: string): string => `${count.toLocaleString("en-US")} ${noun}`;

/**
 * Median time of one small append plus fsync in the temporary directory the
 * journal lives in. The CLI journals every batch twice (pending, then done),
 * each with a synchronous fsync that blocks its event loop, so this bounds
 * its request rate whatever --rate and --concurrency say.
 */
function journalFsyncMs(): number {
  const dir = mkdtempSync(join(tmpdir(), "bench-fsync-"));
  try {
    const fd = openSync(join(dir, "journal"), "a");
    const line = Buffer.from(
      `${JSON.stringify({ type: "done", batch: 1, requestId: "0".repeat(36) })}\n`,
    );
    const times: number[] = [];
    for (let index = 0; index < 50; index += 1) {
      const startedAt = performance.now();
      writeSync(fd, line);
      fsyncSync(fd);
      times.push(performance.now() - startedAt);
    }
    closeSync(fd);
    return median(times);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The CLI inviting a generated CSV against the loopback server: the request rate
 * it achieves as a share of --rate, and its peak memory as the list grows.
 */
export async function measureBatch(config: BenchConfig): Promise<ResultRow[]> {
  const { people, rates, batchSize, memorySizes, memoryRate, memoryBatchSize } = config.batch;
  const rows: ResultRow[] = [];

  for (const rate of rates) {
    const paced = await inviteFromCsv(people, rate, batchSize);
    const share = paced.achievedRate / rate;
    rows.push({
      measure: `batch, ${plural(people, "people")}, --batch-size ${batchSize}`,
      subject: `invite-cli --rate ${rate}`,
      measured: `${plural(paced.requests, "requests")} in ${formatMs(paced.wallMs)} · ${paced.achievedRate.toFixed(1)} requests/s`,
      ratio: `${(share * 100).toFixed(1)} %`,
      against: `--rate ${rate}`,
      target: verdict(`≥ ${minimumRateShare * 100} % of --rate`, share >= minimumRateShare),
    });
  }
  const fsyncMs = journalFsyncMs();
  rows.push({
    measure: `batch, ${plural(people, "people")}, --batch-size ${batchSize}`,
    subject: "journal append + fsync (2 per request, synchronous)",
    measured: `median ${formatMs(fsyncMs)}`,
    ratio: `ceiling ≈ ${Math.round(1000 / (2 * fsyncMs))} requests/s`,
    against: "context: bounds the CLI's rate",
  });

  const bare = await runNodeMeasured(["-e", ""]);
  rows.push({
    measure: "batch, peak RSS",
    subject: "bare node process",
    measured: formatBytes(bare.peakRssBytes),
    ratio: formatRatio(1),
    against: "itself (context)",
  });
  const runs: CliRun[] = [];
  for (const size of memorySizes) runs.push(await inviteFromCsv(size, memoryRate, memoryBatchSize));
  const smallest = runs[0] as CliRun;
  for (const run of runs) {
    const growth = run.peakRssBytes / smallest.peakRssBytes;
    const isLargest = run === runs[runs.length - 1] && run !== smallest;
    rows.push({
      measure: "batch, peak RSS",
      subject: `invite-cli, ${plural(run.people, "people")} (--rate ${memoryRate} --batch-size ${memoryBatchSize})`,
      measured: `${formatBytes(run.peakRssBytes)} · ${formatRatio(run.peakRssBytes / bare.peakRssBytes)} bare node`,
      ratio: run === smallest ? "1.00×" : formatRatio(growth),
      against: run === smallest ? "itself (baseline)" : `${plural(smallest.people, "people")}`,
      target: isLargest
        ? verdict(
            `flat (≤ ${flatGrowth}×) and < ${formatBytes(memoryCeilingBytes)}`,
            growth <= flatGrowth && run.peakRssBytes < memoryCeilingBytes,
          )
        : undefined,
    });
  }
  const largest = runs[runs.length - 1] as CliRun;
  const dryRun = await dryRunPeakRss(largest.people);
  rows.push({
    measure: "batch, peak RSS",
    subject: `invite-cli --dry-run, ${plural(largest.people, "people")} (reads and plans, sends nothing)`,
    measured: `${formatBytes(dryRun)} · ${formatRatio(dryRun / bare.peakRssBytes)} bare node`,
    ratio: formatRatio(dryRun / smallest.peakRssBytes),
    against: `${plural(smallest.people, "people")}`,
  });
  return rows;
}

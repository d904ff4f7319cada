import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Scale } from "./args.js";
import { accessToken, conferenceId, withLoopbackServer } from "./loopback.js";
import { baselineRow, formatBytes, formatRatio, type ResultRow, verdict } from "./report.js";

const minimumRateShare = 0.95;
const batchSize = 20;
const memoryCeilingBytes = 100e6;
/** The memory run's options: fast, so a large list takes seconds. */
const memoryRunOptions = ["--rate", "1000", "--batch-size", "100"];
const cli = join(import.meta.dirname, "../../apps/invite-cli/dist/cli.js");
const peakRssProbe = new URL("../programs/peak-rss.mjs", import.meta.url).href;
const people = (count: number) => `${count.toLocaleString("en-US")} people`;

/** `node <args>` with the probe preloaded: the process's peak resident set, bytes. */
async function peakRssOf(args: readonly string[]): Promise<number> {
  const node = [process.execPath, ["--import", peakRssProbe, ...args]] as const;
  const { stderr } = await promisify(execFile)(...node, { maxBuffer: 64 * 1024 * 1024 });
  const kib = /^peak-rss-kib (\d+)$/m.exec(stderr)?.[1];
  if (kib === undefined) throw new Error(`no peak RSS from node ${args.join(" ")}`);
  return Number(kib) * 1024;
}

/** `dingtalk-invite` on a generated CSV of `count` people, with a fresh journal, against the server. */
async function runCli(count: number, options: readonly string[]) {
  const dir = await mkdtemp(join(tmpdir(), "bench-cli-"));
  return withLoopbackServer(async (server) => {
    const csv = join(dir, "people.csv");
    const rows = Array.from({ length: count }, (_, i) => `benchUnionId${i},,Invitee ${i}\n`);
    await writeFile(csv, `unionId,phoneNumber,nick\n${rows.join("")}`);
    const peakRssBytes = await peakRssOf([
      cli,
      ...[conferenceId, "--csv", csv, "--journal", join(dir, "journal"), "--token", accessToken],
      ...["--base-url", server.url, "--json", ...options],
    ]);
    const { requests, invitees, firstAt, lastAt } = await server.stats();
    if (invitees !== count) throw new Error(`the CLI invited ${invitees} of ${people(count)}`);
    // Between the first and the last request the server saw: the CLI's start-up is not its rate.
    const requestsPerSecond = (requests - 1) / ((lastAt - firstAt) / 1000);
    return { peakRssBytes, requests, requestsPerSecond };
  }).finally(() => rm(dir, { recursive: true, force: true }));
}

/** The CLI's achieved rate at DingTalk's limit and at 10 times it, and its peak memory on a large list. */
export async function measureCli(scale: Scale): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const rate of [20, 200]) {
    const rateOptions = ["--rate", `${rate}`, "--batch-size", `${batchSize}`];
    const run = await runCli(scale.ratePeople, rateOptions);
    const share = run.requestsPerSecond / rate;
    rows.push({
      measure: `CLI rate, ${people(scale.ratePeople)}, --batch-size ${batchSize}`,
      subject: `dingtalk-invite --rate ${rate}`,
      measured: `${run.requests} requests · ${run.requestsPerSecond.toFixed(1)}/s`,
      ratio: `${(share * 100).toFixed(1)} %`,
      against: `--rate ${rate}`,
      goal: verdict(`≥ ${minimumRateShare * 100} % of --rate`, share >= minimumRateShare),
    });
  }
  const bare = await peakRssOf(["-e", ""]);
  const { peakRssBytes } = await runCli(scale.memoryPeople, memoryRunOptions);
  rows.push(baselineRow("CLI peak RSS", "bare node process", formatBytes(bare)), {
    measure: "CLI peak RSS",
    subject: `dingtalk-invite, ${people(scale.memoryPeople)} (${memoryRunOptions.join(" ")})`,
    measured: formatBytes(peakRssBytes),
    ratio: formatRatio(peakRssBytes / bare),
    against: "bare node process",
    goal: verdict(`< ${formatBytes(memoryCeilingBytes)}`, peakRssBytes < memoryCeilingBytes),
  });
  return rows;
}

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchRoot } from "./bench-root.js";

export interface ProcessRun {
  readonly exitCode: number | null;
  readonly wallMs: number;
  /** Peak resident set, bytes. */
  readonly peakRssBytes: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built probe; it is an entry of the bench's own build. */
const probe = pathToFileURL(join(benchRoot, "dist", "peak-rss.js")).href;

/** Runs `node <args>` with the peak-RSS probe preloaded and reports how it went. */
export async function runNodeMeasured(
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<ProcessRun> {
  const dir = await mkdtemp(join(tmpdir(), "bench-rss-"));
  const rssFile = join(dir, "peak-rss");
  try {
    const startedAt = performance.now();
    const child = spawn(process.execPath, ["--import", probe, ...args], {
      cwd: options.cwd,
      env: { ...process.env, BENCH_PEAK_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const [exitCode] = (await once(child, "close")) as [number | null];
    const wallMs = performance.now() - startedAt;
    const peakRssBytes = Number(await readFile(rssFile, "utf8")) * 1024;
    return { exitCode, wallMs, peakRssBytes, stdout, stderr };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Preloaded with `node --import` into a process whose peak memory is measured:
// on exit it writes the process's resident-set high-water mark (KiB) to the
// file named by BENCH_PEAK_RSS_FILE. Polling from outside would miss the peak
// between two samples. On Linux the figure is /proc's VmHWM, because
// getrusage's maxRSS survives exec and so starts at the size of the (forked)
// parent; elsewhere maxRSS is the best there is.
import { readFileSync, writeFileSync } from "node:fs";

function peakRssKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match) return Number(match[1]);
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS;
}

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  process.on("exit", () => writeFileSync(target, String(peakRssKiB())));
}

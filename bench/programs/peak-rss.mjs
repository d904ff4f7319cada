// Preloaded (`node --import`) into a process whose peak memory the bench measures: on exit
// it prints the resident-set high-water mark (polling from outside would miss the peak).
// Linux's VmHWM, as getrusage's maxRSS survives exec and starts at the spawning bench's size.
import { readFileSync } from "node:fs";

process.on("exit", () => {
  const status = readFileSync("/proc/self/status", "utf8");
  process.stderr.write(`\npeak-rss-kib ${/^VmHWM:\s+(\d+) kB$/m.exec(status)[1]}\n`);
});

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { JournalError } from "./errors.js";

/**
 * Keeps two runs off one journal: both would plan from the same state and send the
 * same people. The lock file holds the owner's pid; a lock whose process is gone (a
 * run killed with SIGKILL) is stale and taken over, so a resume after a crash works.
 */
export class JournalLock {
  private constructor(private readonly path: string) {}

  static acquire(journalPath: string): JournalLock {
    const path = `${journalPath}.lock`;
    try {
      writeFileSync(path, String(process.pid), { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(path, "utf8"));
      if (isRunning(owner)) {
        throw new JournalError([
          {
            where: journalPath,
            message: `in use by another dingtalk-invite run (pid ${owner}); wait for it, or delete ${path} if that process is not dingtalk-invite`,
          },
        ]);
      }
      writeFileSync(path, String(process.pid));
    }
    return new JournalLock(path);
  }

  release(): void {
    rmSync(this.path, { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

import { randomUUID } from "node:crypto";
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { JournalError } from "../errors.js";
import { privateFileMode } from "./journal-file.js";

/**
 * Keeps two runs off one journal: both would plan from the same state and send the
 * same people. The lock file holds the owner's pid and a token of its own; a lock whose
 * process is gone (a run killed with SIGKILL) is stale and taken over, so a resume after
 * a crash works.
 *
 * The lock is only ever created exclusively and whole (see createExclusive), so of
 * several runs exactly one holds it. Taking over a stale lock means deleting it first,
 * which must not delete a live run's fresh lock: only the run holding `<lock>.takeover`
 * (created the same way) may delete, and only a lock that still holds the dead owner's
 * content.
 */
export class JournalLock {
  private constructor(
    private readonly path: string,
    private readonly content: string,
  ) {}

  static acquire(journalPath: string): JournalLock {
    const path = `${journalPath}.lock`;
    const content = ownContent();
    if (createExclusive(path, content, journalPath)) return new JournalLock(path, content);
    const seen = readLock(path, journalPath);
    if (seen !== undefined && isRunning(ownerPid(seen))) {
      throw busy(journalPath, path, ownerPid(seen));
    }
    if (seen !== undefined) takeOverStale(path, seen, journalPath);
    if (createExclusive(path, content, journalPath)) return new JournalLock(path, content);
    // Another run got in between: it holds the lock now.
    throw busy(journalPath, path, ownerPid(readLock(path, journalPath) ?? ""));
  }

  /** Deletes the lock file, unless it is no longer this run's (then it is not ours to delete). */
  release(): void {
    if (readLock(this.path, this.path) === this.content) rmSync(this.path, { force: true });
  }
}

function ownContent(): string {
  return `${process.pid} ${randomUUID()}`;
}

/** Deletes the lock at `path` if it still holds `stale`, under the takeover guard. */
function takeOverStale(path: string, stale: string, journalPath: string): void {
  const guard = `${path}.takeover`;
  if (!createExclusive(guard, ownContent(), journalPath)) {
    // Another run is taking over right now. Its guard lives for microseconds, unless
    // that run was killed in between: then the guard must go by hand.
    throw new JournalError([
      {
        where: journalPath,
        message: `another dingtalk-invite run is taking over its lock; try again, and if this persists with no run going, delete ${guard}`,
      },
    ]);
  }
  try {
    if (readLock(path, journalPath) === stale) rmSync(path, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Creates the file holding `content` if none exists; false when one does. The content
 * goes into a file of this run's own first, which is then linked into place: `link`
 * fails on an existing path as `wx` does, but the file appears whole. Created with
 * `wx`, it would exist empty until written, and another run reading it then would find
 * no live owner, take it over as stale, and send alongside this one.
 */
function createExclusive(path: string, content: string, journalPath: string): boolean {
  const draft = `${path}.${randomUUID()}`;
  try {
    writeFileSync(draft, content, { flag: "wx", mode: privateFileMode });
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw unusable(journalPath, path, error);
  } finally {
    rmSync(draft, { force: true });
  }
}

/** The lock file's content, or undefined when there is no lock file. */
function readLock(path: string, journalPath: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw unusable(journalPath, path, error);
  }
}

function ownerPid(content: string): number {
  return Number(content.split(" ")[0]);
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

function busy(journalPath: string, path: string, pid: number | undefined): JournalError {
  return new JournalError([
    {
      where: journalPath,
      message: `in use by another dingtalk-invite run${pid ? ` (pid ${pid})` : ""}; wait for it, or delete ${path} if that process is not dingtalk-invite`,
    },
  ]);
}

function unusable(journalPath: string, path: string, error: unknown): JournalError {
  const reason = error instanceof Error ? error.message : String(error);
  return new JournalError([{ where: journalPath, message: `cannot lock ${path} (${reason})` }]);
}

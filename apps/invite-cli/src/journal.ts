import {
  closeSync,
  existsSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  writeSync,
} from "node:fs";
import { JournalError } from "./errors.js";

/** The outcome the journal keeps of a batch that failed. */
export interface BatchFailure {
  /** DingTalk's code, or the HTTP status / error class when there is none. */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  /** Whether the server may have rung the batch anyway (timeout, 5xx, dropped connection). */
  readonly mayHaveActed: boolean;
}

/**
 * One line of the journal. A batch is written `pending` (and flushed to disk) before
 * its request leaves, then `done` or `failed`: a crash between the two leaves it
 * pending, which a resume must treat as "may have been rung".
 */
export type JournalRecord =
  | { readonly type: "run"; readonly conferenceId: string; readonly at: string }
  | { readonly type: "pending"; readonly batch: number; readonly people: readonly string[] }
  | { readonly type: "done"; readonly batch: number; readonly requestId?: string }
  | ({ readonly type: "failed"; readonly batch: number } & BatchFailure);

/** What a journal says about each person (by person key) after replaying every record. */
export type PersonState =
  | { readonly state: "done" }
  | { readonly state: "failed"; readonly batch: number; readonly failure: BatchFailure }
  | { readonly state: "ambiguous"; readonly batch: number; readonly failure?: BatchFailure };

export interface JournalReplay {
  readonly people: ReadonlyMap<string, PersonState>;
  /** The next unused batch number, so numbers stay unique across resumed runs. */
  readonly nextBatch: number;
}

/**
 * Replays a journal. A person's state is the outcome of the latest batch that held them.
 * A torn last line (the process died mid-write) is ignored: a torn `pending` means the
 * request never left, a torn outcome leaves the batch pending, i.e. ambiguous — both safe.
 */
export function replayJournal(path: string, conferenceId: string): JournalReplay {
  const people = new Map<string, PersonState>();
  const batches = new Map<number, readonly string[]>();
  let nextBatch = 1;
  if (!existsSync(path)) return { people, nextBatch };

  const text = readJournalFile(path);
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const isTornTail = index === lines.length - 1;
    let record: JournalRecord;
    try {
      record = JSON.parse(line) as JournalRecord;
    } catch {
      if (isTornTail) return;
      throw new JournalError([
        { where: `${path}:${index + 1}`, message: "not a journal record (corrupt line)" },
      ]);
    }
    const where = `${path}:${index + 1}`;
    switch (record.type) {
      case "run":
        if (record.conferenceId !== conferenceId) {
          throw new JournalError([
            {
              where,
              message: `this journal belongs to conference ${record.conferenceId}, not ${conferenceId}; pass another --journal`,
            },
          ]);
        }
        return;
      case "pending":
        batches.set(record.batch, record.people);
        nextBatch = Math.max(nextBatch, record.batch + 1);
        for (const key of record.people)
          people.set(key, { state: "ambiguous", batch: record.batch });
        return;
      case "done":
      case "failed": {
        const members = batches.get(record.batch);
        if (!members)
          throw new JournalError([
            { where, message: `outcome of batch ${record.batch}, which was never pending` },
          ]);
        const state: PersonState =
          record.type === "done"
            ? { state: "done" }
            : record.mayHaveActed
              ? { state: "ambiguous", batch: record.batch, failure: failureOf(record) }
              : { state: "failed", batch: record.batch, failure: failureOf(record) };
        for (const key of members) people.set(key, state);
        return;
      }
      default:
        throw new JournalError([{ where, message: "unknown record type" }]);
    }
  });
  return { people, nextBatch };
}

function readJournalFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw unreadable(path, "cannot read the journal", error);
  }
}

/** A file-system error about the journal, as the input error it is for the user (exit 2). */
function unreadable(path: string, what: string, error: unknown): JournalError {
  const reason = error instanceof Error ? error.message : String(error);
  return new JournalError([{ where: path, message: `${what} (${reason})` }]);
}

function failureOf(record: BatchFailure): BatchFailure {
  const { code, message, requestId, mayHaveActed } = record;
  return requestId === undefined
    ? { code, message, mayHaveActed }
    : { code, message, requestId, mayHaveActed };
}

/** An append-only journal file; every record is on disk (fsync) before `append` returns. */
export class JournalWriter {
  readonly #fd: number;

  private constructor(fd: number) {
    this.#fd = fd;
  }

  /** Opens (or creates) the journal for appending; a file-system error is a JournalError. */
  static open(path: string): JournalWriter {
    let fd: number;
    try {
      fd = openSync(path, "a");
    } catch (error) {
      throw unreadable(path, "cannot open the journal for writing", error);
    }
    try {
      // A torn last line from a killed run would glue onto the next record: drop it, as
      // replayJournal does (see there why that is safe).
      const content = readFileSync(path);
      if (content.length > 0 && content[content.length - 1] !== 0x0a) {
        ftruncateSync(fd, content.lastIndexOf(0x0a) + 1);
        fsyncSync(fd);
      }
    } catch (error) {
      closeSync(fd);
      throw unreadable(path, "cannot repair the journal's torn last line", error);
    }
    return new JournalWriter(fd);
  }

  append(record: JournalRecord): void {
    this.#write(`${JSON.stringify(record)}\n`);
  }

  close(): void {
    closeSync(this.#fd);
  }

  #write(text: string): void {
    const bytes = Buffer.from(text);
    for (let written = 0; written < bytes.length; ) {
      written += writeSync(this.#fd, bytes, written);
    }
    fsyncSync(this.#fd);
  }
}

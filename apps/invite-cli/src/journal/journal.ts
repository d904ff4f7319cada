import {
  closeSync,
  createReadStream,
  existsSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readSync,
  writeSync,
} from "node:fs";
import type { BatchFailure } from "../batch-failure.js";
import { JournalError } from "../errors.js";
import { privateFileMode } from "./journal-file.js";

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

/** Each person's state by person key; a `Map` is one. */
export interface PersonStates {
  get(key: string): PersonState | undefined;
}

export interface JournalReplay {
  readonly people: PersonStates;
  /** The next unused batch number, so numbers stay unique across resumed runs. */
  readonly nextBatch: number;
}

/**
 * Replays a journal. A person's state is the outcome of the latest batch that held them.
 * A torn last line (the process died mid-write) is ignored: a torn `pending` means the
 * request never left, a torn outcome leaves the batch pending, i.e. ambiguous — both safe.
 *
 * The journal is read as a stream and only what a resume needs is kept: each person's
 * latest batch, and each batch's state. A batch's members are not kept, as its outcome
 * is their state.
 */
export async function replayJournal(path: string, conferenceId: string): Promise<JournalReplay> {
  if (!existsSync(path)) return { people: new Map(), nextBatch: 1 };
  const latestBatchOf = new Map<string, number>();
  const batchStates = new Map<number, PersonState>();
  let nextBatch = 1;
  let lineNumber = 0;
  for await (const { text, terminated } of journalLines(path)) {
    lineNumber++;
    // JournalWriter.open truncates a torn last line, even one that happens to parse: plan
    // only from records the file will keep.
    if (!terminated || text.trim() === "") continue;
    const where = `${path}:${lineNumber}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new JournalError([{ where, message: "not a journal record (corrupt line)" }]);
    }
    const record = journalRecordOf(parsed);
    if (typeof record === "string") throw new JournalError([{ where, message: record }]);
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
        continue;
      case "pending":
        batchStates.set(record.batch, { state: "ambiguous", batch: record.batch });
        nextBatch = Math.max(nextBatch, record.batch + 1);
        for (const key of record.people) latestBatchOf.set(key, record.batch);
        continue;
      case "done":
      case "failed":
        if (!batchStates.has(record.batch))
          throw new JournalError([
            { where, message: `outcome of batch ${record.batch}, which was never pending` },
          ]);
        batchStates.set(
          record.batch,
          record.type === "done"
            ? { state: "done" }
            : record.mayHaveActed
              ? { state: "ambiguous", batch: record.batch, failure: failureOf(record) }
              : { state: "failed", batch: record.batch, failure: failureOf(record) },
        );
        continue;
    }
  }
  return { people: new ReplayedStates(latestBatchOf, batchStates), nextBatch };
}

/** A person's state is the state of the latest batch that held them. */
class ReplayedStates implements PersonStates {
  constructor(
    private readonly latestBatchOf: ReadonlyMap<string, number>,
    private readonly batchStates: ReadonlyMap<number, PersonState>,
  ) {}

  get(key: string): PersonState | undefined {
    const batch = this.latestBatchOf.get(key);
    return batch === undefined ? undefined : this.batchStates.get(batch);
  }
}

/**
 * The record a parsed line holds, or what is wrong with it: a hand-edited or foreign file
 * must fail as a JournalError naming its line, never as a TypeError deep in the replay.
 */
function journalRecordOf(value: unknown): JournalRecord | string {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "not a journal record (not a JSON object)";
  const record = value as Record<string, unknown>;
  const isString = (field: string) => typeof record[field] === "string";
  if (record.type === "run")
    return isString("conferenceId")
      ? (record as JournalRecord)
      : "run record without a conferenceId";
  if (record.type !== "pending" && record.type !== "done" && record.type !== "failed")
    return "unknown record type";
  if (!Number.isInteger(record.batch)) return `${record.type} record without an integer batch`;
  switch (record.type) {
    case "pending":
      return Array.isArray(record.people) && record.people.every((key) => typeof key === "string")
        ? (record as JournalRecord)
        : "pending record whose people are not a list of person keys";
    case "done":
      return record.requestId === undefined || isString("requestId")
        ? (record as JournalRecord)
        : "done record with a requestId that is not a string";
    default:
      return isString("code") &&
        isString("message") &&
        typeof record.mayHaveActed === "boolean" &&
        (record.requestId === undefined || isString("requestId"))
        ? (record as JournalRecord)
        : "failed record without code, message and mayHaveActed";
  }
}

/** The journal's lines as they are read; `terminated` is false only for a torn last line. */
async function* journalLines(
  path: string,
): AsyncGenerator<{ readonly text: string; readonly terminated: boolean }> {
  let rest = "";
  try {
    for await (const chunk of createReadStream(path, { encoding: "utf8" })) {
      const text = rest + (chunk as string);
      let from = 0;
      for (let newline = text.indexOf("\n"); newline !== -1; newline = text.indexOf("\n", from)) {
        yield { text: text.slice(from, newline), terminated: true };
        from = newline + 1;
      }
      rest = text.slice(from);
    }
  } catch (error) {
    throw unreadable(path, "cannot read the journal", error);
  }
  if (rest !== "") yield { text: rest, terminated: false };
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

  /**
   * Opens the journal for appending, creating it readable by its owner only; a
   * file-system error is a JournalError.
   */
  static open(path: string): JournalWriter {
    let fd: number;
    try {
      // Read as well as append: the torn-line check below reads the file's end.
      fd = openSync(path, "a+", privateFileMode);
    } catch (error) {
      throw unreadable(path, "cannot open the journal for writing", error);
    }
    try {
      // A torn last line from a killed run would glue onto the next record: drop it, as
      // replayJournal does (see there why that is safe).
      const size = fstatSync(fd).size;
      // An empty file counts as no journal, but `open` keeps the mode of a file that
      // exists (say made by `: > x.journal` under a umask of 022): make it private
      // before it holds anyone. A journal with records keeps its mode (see
      // readableJournalWarning).
      if (size === 0) fchmodSync(fd, privateFileMode);
      const linesEnd = completeLinesEnd(fd, size);
      if (linesEnd < size) {
        ftruncateSync(fd, linesEnd);
        fsyncSync(fd);
      }
    } catch (error) {
      closeSync(fd);
      throw unreadable(path, "cannot make the journal private or repair its torn last line", error);
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

/**
 * Where the file's complete lines end: just past its last line break, 0 without one.
 * Read backwards from the end a block at a time, as a torn line is one record at most
 * and a resumed journal can be long.
 */
function completeLinesEnd(fd: number, size: number): number {
  const block = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - block.length);
    const read = readSync(fd, block, 0, end - start, start);
    const newline = block.subarray(0, read).lastIndexOf(0x0a);
    if (newline !== -1) return start + newline + 1;
    end = start;
  }
  return 0;
}

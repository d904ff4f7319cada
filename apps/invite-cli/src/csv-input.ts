import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Invitee, PhoneInvitee } from "@dingtalk-conference/client";
import { CsvError, Parser } from "csv-parse";
import { InputError, type InputIssue } from "./errors.js";
import { type Person, personKey } from "./people.js";
import { fromFlag, type PersonList } from "./person-list.js";

/**
 * The CSV's columns are the request body's field names; `satisfies` ties them to the
 * client's spec-generated types, so a renamed field in the spec fails to compile here.
 */
export const csvColumns = ["unionId", "phoneNumber", "nick"] as const satisfies readonly (
  | keyof Invitee
  | keyof PhoneInvitee
)[];
type CsvColumn = (typeof csvColumns)[number];

/** A record and where it ends in the file (byte offset just past its line break). */
interface ParsedRow {
  readonly record: string[];
  readonly bytes: number;
}

/**
 * csv-parse's stream, each record paired with where it ends. csv-parse's `info` option
 * tells that too, but builds a 14-field object per record by spreading, garbage that
 * grows the peak memory of reading a long list; its live `info` holds the same offset
 * when a record is pushed.
 */
class OffsetParser extends Parser {
  override push(record: unknown, encoding?: BufferEncoding): boolean {
    return super.push(record === null ? null : { record, bytes: this.info.bytes }, encoding);
  }
}

export interface CsvOutcome {
  /** Bad rows, each with its line; the caller decides whether they stop the run. */
  readonly issues: InputIssue[];
  /** Rows of someone a flag already gave: invited once, with the flag's nick. */
  readonly duplicates: number;
}

/**
 * Streams people from a CSV with a header row into `people`, so a long file is never
 * held whole. Quoted fields, a UTF-8 BOM, CRLF and blank lines are accepted; every bad
 * row (a duplicate too) is reported with the line it starts on and left out.
 */
export async function readPeopleCsv(
  input: AsyncIterable<Buffer>,
  fileName: string,
  people: PersonList,
): Promise<CsvOutcome> {
  const lines = new LineLocator();
  const issues: InputIssue[] = [];
  let duplicates = 0;
  let columns: ColumnIndex | undefined;
  let offset = 0;
  const readRow = ({ record, bytes }: ParsedRow) => {
    const line = lines.lineOfRecordAt(offset);
    offset = bytes;
    const issue = (message: string) => issues.push({ where: `${fileName}:${line}`, message });
    if (!columns) {
      columns = readHeader(record, `${fileName}:${line}`);
      return;
    }
    if (record.length !== columns.count) {
      issue(
        `${record.length} ${record.length === 1 ? "field" : "fields"}, the header has ${columns.count}`,
      );
      return;
    }
    const result = personFromRow(record, columns);
    if (typeof result === "string") {
      issue(result);
      return;
    }
    const earlier = people.add(result, line);
    if (earlier === fromFlag) duplicates++;
    else if (earlier !== undefined) issue(`duplicate of line ${earlier} (${personKey(result)})`);
  };

  try {
    // The locator sees each chunk before the parser does, so it holds every byte of a
    // record by the time the record comes out. Each record is read as soon as it is
    // parsed rather than queued: a long file's records are never alive together.
    await pipeline(
      input,
      async function* locate(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          lines.feed(chunk);
          yield chunk;
        }
      },
      new OffsetParser({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }),
      new Writable({
        objectMode: true,
        write(row: ParsedRow, _, done) {
          try {
            readRow(row);
            done();
          } catch (error) {
            done(error as Error);
          }
        },
      }),
    );
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError([
        { where: line ? `${fileName}:${line}` : fileName, message: error.message },
      ]);
    }
    throw error;
  }
  if (!columns)
    throw new InputError([{ where: fileName, message: "empty file: a header row is required" }]);
  return { issues, duplicates };
}

/** Where each column is in a record (-1 when the header lacks it), and how many there are. */
type ColumnIndex = Readonly<Record<CsvColumn, number>> & { readonly count: number };

function readHeader(header: string[], where: string): ColumnIndex {
  const known = new Set<string>(csvColumns);
  const unknown = header.filter((name) => !known.has(name));
  const expected = `expected a header row with ${csvColumns.join(", ")}`;
  if (unknown.length > 0) {
    throw new InputError([
      { where, message: `unknown column ${unknown.map((n) => `"${n}"`).join(", ")}; ${expected}` },
    ]);
  }
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (repeated.length > 0)
    throw new InputError([{ where, message: `column "${repeated[0]}" appears twice` }]);
  if (!header.includes("nick") || !(header.includes("unionId") || header.includes("phoneNumber"))) {
    throw new InputError([
      { where, message: `${expected} (nick and at least one of unionId, phoneNumber)` },
    ]);
  }
  const positions = Object.fromEntries(csvColumns.map((name) => [name, header.indexOf(name)]));
  return { ...(positions as Record<CsvColumn, number>), count: header.length };
}

/** A person, or what is wrong with the row. */
function personFromRow(record: readonly string[], columns: ColumnIndex): Person | string {
  const unionId = record[columns.unionId] ?? "";
  const phoneNumber = record[columns.phoneNumber] ?? "";
  const nick = record[columns.nick] ?? "";
  if (unionId && phoneNumber) return "give either unionId or phoneNumber, not both";
  if (unionId) return nick ? { kind: "user", unionId, nick } : `user ${unionId} has no nick`;
  if (phoneNumber)
    return nick ? { kind: "phone", phoneNumber, nick } : { kind: "phone", phoneNumber };
  return "neither unionId nor phoneNumber";
}

const lineFeed = 0x0a;
const carriageReturn = 0x0d;
const space = 0x20;
const tab = 0x09;
/** What csv-parse (with trim and skip_empty_lines) passes over between records: blank lines. */
const skippedBetweenRecords = new Set<number | undefined>([lineFeed, carriageReturn, space, tab]);

/**
 * Maps a record's byte offset to its 1-based line number. csv-parse's own line count is
 * off after a quoted CRLF, so lines are counted here from the raw bytes as they stream
 * past, skipping the blank lines that precede a record; only the bytes from the last
 * record on are kept.
 */
class LineLocator {
  readonly #chunks: Buffer[] = [];
  /** File offset of `#chunks[0]`. */
  #chunksStart = 0;
  /** Line breaks before this offset are counted in `#line`. */
  #position = 0;
  #line = 1;

  feed(chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  /** The line of the record that starts at `offset`, once the blank lines there are skipped. */
  lineOfRecordAt(offset: number): number {
    let start = offset;
    for (let byte = this.#byteAt(start); skippedBetweenRecords.has(byte); ) {
      byte = this.#byteAt(++start);
    }
    this.#countLinesTo(start);
    return this.#line;
  }

  #byteAt(offset: number): number | undefined {
    let chunkStart = this.#chunksStart;
    for (const chunk of this.#chunks) {
      if (offset < chunkStart + chunk.length) return chunk[offset - chunkStart];
      chunkStart += chunk.length;
    }
    return undefined;
  }

  #countLinesTo(offset: number): void {
    for (let chunk = this.#chunks[0]; chunk && this.#position < offset; chunk = this.#chunks[0]) {
      const chunkEnd = this.#chunksStart + chunk.length;
      const end = Math.min(offset, chunkEnd);
      for (
        let at = chunk.indexOf(lineFeed, this.#position - this.#chunksStart);
        at !== -1 && this.#chunksStart + at < end;
        at = chunk.indexOf(lineFeed, at + 1)
      ) {
        this.#line++;
      }
      this.#position = end;
      if (end < chunkEnd) return;
      this.#chunks.shift();
      this.#chunksStart = chunkEnd;
    }
  }
}

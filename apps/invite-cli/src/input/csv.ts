import { pipeline } from "node:stream/promises";
import type { Invitee, PhoneInvitee } from "@dingtalk-conference/client";
import { CsvError, parse } from "csv-parse";
import { InputError, type InputIssue } from "../errors.js";
import { plural } from "../plural.js";
import { addPerson, type People, type Person, personKey } from "./people.js";

/**
 * The CSV's columns are the request body's field names; `satisfies` ties them to the
 * client's spec-generated types, so a renamed field in the spec fails to compile here.
 */
export const csvColumns = ["unionId", "phoneNumber", "nick"] as const satisfies readonly (
  | keyof Invitee
  | keyof PhoneInvitee
)[];
type CsvColumn = (typeof csvColumns)[number];

export interface CsvOutcome {
  /** Bad rows, each with its line; the caller decides whether they stop the run. */
  readonly issues: InputIssue[];
  /** Rows of someone a flag already gave: invited once, with the flag's nick. */
  readonly duplicates: number;
}

/**
 * Streams people from a CSV with a header row into `people` (by person key), so a long
 * file is never held whole. Quoted fields, a UTF-8 BOM, CRLF and blank lines are
 * accepted; every bad row (a duplicate too) is reported with the line it starts on and
 * left out. Someone `people` already holds (from a flag) keeps that entry.
 */
export async function readPeopleCsv(
  input: AsyncIterable<Buffer>,
  fileName: string,
  people: People,
): Promise<CsvOutcome> {
  const lines = new LineCount();
  /** The line that first gave each person of this file. */
  const firstLines = new Map<string, number>();
  const issues: InputIssue[] = [];
  let duplicates = 0;
  let columns: ColumnIndex | undefined;
  /** `line`: the line the record starts on. */
  const readRow = (record: string[], line: number) => {
    const issue = (message: string) => issues.push({ where: `${fileName}:${line}`, message });
    if (!columns) {
      columns = readHeader(record, `${fileName}:${line}`);
      return;
    }
    if (record.length !== columns.count) {
      issue(`${plural(record.length, "field")}, the header has ${columns.count}`);
      return;
    }
    const result = personFromRow(record, columns);
    if (typeof result === "string") {
      issue(result);
      return;
    }
    const key = personKey(result);
    const earlier = firstLines.get(key);
    if (earlier !== undefined) {
      issue(`duplicate of line ${earlier} (${key})`);
      return;
    }
    firstLines.set(key, line);
    if (!addPerson(people, result, key)) duplicates++;
  };

  /** The line each record parsed and not yet read starts on, in the parser's order. */
  const recordLines: number[] = [];
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    // Called by the parser itself, in order, as each record is parsed: the line count is
    // current also when a later record fails to parse, while the loop below, which runs
    // behind the parser, has not reached it yet.
    on_record: (fields, info) => {
      recordLines.push(lines.recordStart(fields, info.empty_lines));
      return fields;
    },
  });
  try {
    // Each record is read as soon as it is parsed: a long file's records are never alive together.
    await pipeline(input, parser, async (rows: AsyncIterable<string[]>) => {
      // One line was queued per record, in the order the records arrive.
      for await (const fields of rows) readRow(fields, recordLines.shift() as number);
    });
  } catch (error) {
    if (error instanceof CsvError) throw new InputError([csvErrorIssue(error, fileName, lines)]);
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

/**
 * A parse error at the line its broken record starts on (csv-parse gives the line it
 * was at when it gave up, e.g. the end of the file for a quote never closed).
 */
function csvErrorIssue(error: CsvError, fileName: string, lines: LineCount): InputIssue {
  const emptyLines = error.empty_lines;
  // csv-parse's message names its own line count (see LineCount), which may not agree.
  const message = error.message.replace(/ at line \d+/, "");
  return typeof emptyLines === "number"
    ? { where: `${fileName}:${lines.nextStart(emptyLines)}`, message }
    : { where: fileName, message };
}

/**
 * The line each record starts on, as an editor counts them: the line after the one the
 * record before ended on, plus the blank lines csv-parse skipped in between; a record
 * ends as many lines further on as its quoted fields hold line breaks. Counted here, not
 * read from csv-parse's `lines`: 7.0.3 counts a CRLF inside a quoted field as two lines,
 * which shifts every later line by one (test/csv.test.ts pins that upstream behaviour).
 */
class LineCount {
  #lastEnd = 0;
  /** csv-parse's count of skipped blank lines when the last record was parsed. */
  #emptyLinesBefore = 0;

  /** The line `record` starts on; `emptyLines`: csv-parse's count of blank lines skipped so far. */
  recordStart(record: readonly string[], emptyLines: number): number {
    const start = this.nextStart(emptyLines);
    let lineBreaks = 0;
    for (const field of record) lineBreaks += field.match(/\r\n|\r|\n/g)?.length ?? 0;
    this.#lastEnd = start + lineBreaks;
    this.#emptyLinesBefore = emptyLines;
    return start;
  }

  /** The line the next record starts on, once csv-parse has skipped `emptyLines` blank lines. */
  nextStart(emptyLines: number): number {
    return this.#lastEnd + 1 + (emptyLines - this.#emptyLinesBefore);
  }
}

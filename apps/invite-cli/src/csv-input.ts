import type { Invitee, PhoneInvitee } from "@dingtalk-conference/client";
import { CsvError, parse } from "csv-parse/sync";
import { InputError, type InputIssue } from "./errors.js";
import { type Person, personKey, type SourcedPerson } from "./people.js";

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
  readonly info: { readonly bytes: number };
}

export interface CsvPeople {
  readonly people: SourcedPerson[];
  /** Bad rows, each with its line; the caller decides whether they stop the run. */
  readonly issues: InputIssue[];
}

/**
 * Reads people from a CSV with a header row. Quoted fields, a UTF-8 BOM, CRLF and
 * blank lines are accepted; every bad row is reported with the line it starts on.
 */
export function readPeopleCsv(content: Buffer, fileName: string): CsvPeople {
  let rows: ParsedRow[];
  try {
    // With `info`, csv-parse returns {record, info} pairs; its types do not follow the option.
    rows = parse(content, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new InputError([
        { where: line ? `${fileName}:${line}` : fileName, message: error.message },
      ]);
    }
    throw error;
  }
  const lines = new LineLocator(content);
  const [header, ...records] = rows;
  if (!header)
    throw new InputError([{ where: fileName, message: "empty file: a header row is required" }]);
  const columns = readHeader(header.record, `${fileName}:${lines.lineOfRecordAt(0)}`);

  const issues: InputIssue[] = [];
  const people: SourcedPerson[] = [];
  const firstLineOf = new Map<string, number>();
  let offset = header.info.bytes;
  for (const { record, info } of records) {
    const line = lines.lineOfRecordAt(offset);
    offset = info.bytes;
    const where = `${fileName}:${line}`;
    if (record.length !== columns.length) {
      issues.push({ where, message: `${record.length} fields, the header has ${columns.length}` });
      continue;
    }
    const result = personFromRow(Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ""])));
    if (typeof result === "string") {
      issues.push({ where, message: result });
      continue;
    }
    const key = personKey(result);
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined) {
      issues.push({ where, message: `duplicate of line ${earlier} (${key})` });
      continue;
    }
    firstLineOf.set(key, line);
    people.push({ person: result, source: where });
  }
  return { people, issues };
}

function readHeader(header: string[], where: string): CsvColumn[] {
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
  return header as CsvColumn[];
}

/** A person, or what is wrong with the row. */
function personFromRow(row: Partial<Record<CsvColumn, string>>): Person | string {
  const unionId = row.unionId ?? "";
  const phoneNumber = row.phoneNumber ?? "";
  const nick = row.nick ?? "";
  if (unionId && phoneNumber) return "give either unionId or phoneNumber, not both";
  if (unionId) return nick ? { kind: "user", unionId, nick } : `user ${unionId} has no nick`;
  if (phoneNumber)
    return nick ? { kind: "phone", phoneNumber, nick } : { kind: "phone", phoneNumber };
  return "neither unionId nor phoneNumber";
}

/**
 * Maps a byte offset to a 1-based line number. csv-parse's own line count is off after
 * a quoted CRLF, so lines are counted here from the raw bytes, skipping the blank lines
 * that precede a record.
 */
class LineLocator {
  #position = 0;
  #line = 1;
  constructor(private readonly content: Buffer) {}

  lineOfRecordAt(offset: number): number {
    let start = offset;
    while (this.content[start] === 0x0a || this.content[start] === 0x0d) start++;
    for (; this.#position < start; this.#position++) {
      if (this.content[this.#position] === 0x0a) this.#line++;
    }
    return this.#line;
  }
}

import { Readable } from "node:stream";
import { type InfoRecord, parse } from "csv-parse";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { readPeopleCsv } from "../src/input/csv.js";
import type { People } from "../src/input/people.js";
import { listOf } from "./fixtures/people.js";

/** The file's bytes in chunks of `chunkSize` (whole by default), as a read stream gives them. */
function chunksOf(text: string, chunkSize = Number.POSITIVE_INFINITY): Readable {
  const bytes = Buffer.from(text, "utf8");
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize)
    chunks.push(bytes.subarray(at, at + chunkSize));
  return Readable.from(chunks);
}

/**
 * Reads the CSV into `people` (empty by default) and gives back who is there. The line a
 * person came from shows in the message of a later row repeating them: "duplicate of line N".
 */
async function read(text: string, options: { chunkSize?: number; people?: People } = {}) {
  const people: People = options.people ?? new Map();
  const outcome = await readPeopleCsv(chunksOf(text, options.chunkSize), "people.csv", people);
  return { ...outcome, people: listOf(people) };
}

async function inputErrorOf(text: string, chunkSize?: number): Promise<InputError> {
  try {
    await read(text, chunkSize === undefined ? {} : { chunkSize });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

/** Ends with rows repeating the people of lines 2, 3 and 6, to show the lines they were read from. */
const quotedCrlfAndBlankLines =
  '\uFEFFunionId,phoneNumber,nick\r\nu1,,"Lee, ""Al"""\r\n,123,"two\r\nlines"\r\n\r\nu3,,Zoë 张伟 🎉\r\nu4,,\r\nu1,,x\r\n,123,y\r\nu3,,z\r\n';
const badRows = [
  "unionId,phoneNumber,nick",
  "u1,,User 1",
  "u2,,",
  ",,Nobody",
  "u3,123,Both",
  "u1,,User 1 again",
  "u4,,A,extra",
  ",123,Phone 2",
  ",123,Phone 2 again",
].join("\n");

describe("readPeopleCsv", () => {
  it("reads users and phone invitees, with the line each came from", async () => {
    const { people, issues } = await read(
      "unionId,phoneNumber,nick\nu1,,User 1\n,123,Phone 2\n,456,\nu1,,A\n,123,\n,456,B\n",
    );
    expect(people).toEqual([
      { kind: "user", unionId: "u1", nick: "User 1" },
      { kind: "phone", phoneNumber: "123", nick: "Phone 2" },
      { kind: "phone", phoneNumber: "456" },
    ]);
    expect(issues).toEqual([
      { where: "people.csv:5", message: "duplicate of line 2 (user:u1)" },
      { where: "people.csv:6", message: "duplicate of line 3 (phone:123)" },
      { where: "people.csv:7", message: "duplicate of line 4 (phone:456)" },
    ]);
  });

  it("handles a BOM, CRLF, quoted fields with commas, quotes and line breaks, and unicode", async () => {
    const { people, issues } = await read(quotedCrlfAndBlankLines);
    expect(people).toEqual([
      { kind: "user", unionId: "u1", nick: 'Lee, "Al"' },
      { kind: "phone", phoneNumber: "123", nick: "two\r\nlines" },
      { kind: "user", unionId: "u3", nick: "Zoë 张伟 🎉" },
    ]);
    // Lines are counted in the file as an editor shows it: the quoted CRLF and the blank line count.
    expect(issues).toEqual([
      { where: "people.csv:7", message: "user u4 has no nick" },
      { where: "people.csv:8", message: "duplicate of line 2 (user:u1)" },
      { where: "people.csv:9", message: "duplicate of line 3 (phone:123)" },
      { where: "people.csv:10", message: "duplicate of line 6 (user:u3)" },
    ]);
  });

  it("accepts the columns in any order, and a file of phone numbers only", async () => {
    const { people } = await read("nick,phoneNumber\nPhone 1,123\n");
    expect(people[0]).toEqual({ kind: "phone", phoneNumber: "123", nick: "Phone 1" });
  });

  it("reports every bad row with its line number", async () => {
    const { people, issues } = await read(badRows);
    expect(people).toEqual([
      { kind: "user", unionId: "u1", nick: "User 1" },
      { kind: "phone", phoneNumber: "123", nick: "Phone 2" },
    ]);
    expect(issues).toEqual([
      { where: "people.csv:3", message: "user u2 has no nick" },
      { where: "people.csv:4", message: "neither unionId nor phoneNumber" },
      { where: "people.csv:5", message: "give either unionId or phoneNumber, not both" },
      { where: "people.csv:6", message: "duplicate of line 2 (user:u1)" },
      { where: "people.csv:7", message: "4 fields, the header has 3" },
      { where: "people.csv:9", message: "duplicate of line 8 (phone:123)" },
    ]);
  });

  it("names a row's field count in the singular when it has one field", async () => {
    const { issues } = await read("unionId,nick\nu1\n");
    expect(issues).toEqual([{ where: "people.csv:2", message: "1 field, the header has 2" }]);
  });

  it("counts lines of only spaces or tabs, which are skipped as blank", async () => {
    const { people, issues } = await read(
      "unionId,nick\n   \n\t\nu1,\n \t \nu2,User 2\n  \nu2,Again\n",
    );
    expect(issues).toEqual([
      { where: "people.csv:4", message: "user u1 has no nick" },
      { where: "people.csv:8", message: "duplicate of line 6 (user:u2)" },
    ]);
    expect(people).toEqual([{ kind: "user", unionId: "u2", nick: "User 2" }]);
  });

  it("requires a header row naming known columns", async () => {
    expect((await inputErrorOf("")).message).toBe(
      "people.csv: empty file: a header row is required",
    );
    expect((await inputErrorOf("u1,,User 1\n")).message).toContain(
      'people.csv:1: unknown column "u1"',
    );
    expect((await inputErrorOf("unionId,email,nick\n")).message).toContain(
      'unknown column "email"',
    );
    expect((await inputErrorOf("unionId,phoneNumber\n")).message).toContain(
      "nick and at least one of unionId, phoneNumber",
    );
    expect((await inputErrorOf("nick,nick,unionId\n")).message).toContain(
      'column "nick" appears twice',
    );
  });

  it.each([
    [
      "a stray quote after a quoted CRLF",
      'unionId,phoneNumber,nick\r\n,1,"a\r\nb"\r\nu1,,"Us"er\r\n',
      4,
      'Invalid Closing Quote: got "e" instead of delimiter, record delimiter, trimable character (if activated) or comment',
    ],
    [
      "a quote never closed",
      'unionId,phoneNumber,nick\nu1,,"User 1\nu2,,x\nu3,,y\n',
      2,
      "Quote Not Closed: the parsing is finished with an opening quote",
    ],
    [
      "a quote never closed after a quoted CRLF",
      'unionId,phoneNumber,nick\r\n,1,"a\r\nb"\r\nu1,,"User 1\r\n',
      4,
      "Quote Not Closed: the parsing is finished with an opening quote",
    ],
    [
      "a quote never closed after blank lines",
      'unionId,phoneNumber,nick\n\n  \nu1,,"User 1\nu2,,x\n',
      4,
      "Quote Not Closed: the parsing is finished with an opening quote",
    ],
  ])("reports %s at the line its broken record starts on", async (_, text, line, message) => {
    for (const chunkSize of [Number.POSITIVE_INFINITY, 1, 5]) {
      const error = await inputErrorOf(text, chunkSize);
      expect(error.issues).toEqual([{ where: `people.csv:${line}`, message }]);
    }
  });

  it("finds the same people and lines when the file arrives in small chunks", async () => {
    for (const text of [quotedCrlfAndBlankLines, badRows]) {
      const whole = await read(text);
      for (const chunkSize of [1, 2, 3, 7]) expect(await read(text, { chunkSize })).toEqual(whole);
    }
  });

  it("merges a row of someone a flag gave, and reports a second such row as the first's duplicate", async () => {
    const people: People = new Map([["user:u1", "From flag"]]);
    const {
      issues,
      duplicates,
      people: fromCsv,
    } = await read("unionId,phoneNumber,nick\nu1,,From CSV\nu2,,User 2\nu1,,Again\n", { people });
    expect(fromCsv).toEqual([
      { kind: "user", unionId: "u1", nick: "From flag" },
      { kind: "user", unionId: "u2", nick: "User 2" },
    ]);
    expect(duplicates).toBe(1);
    expect(issues).toEqual([{ where: "people.csv:4", message: "duplicate of line 2 (user:u1)" }]);
  });

  it("pins csv-parse 7.0.3 counting a CRLF inside quotes as two lines, which readPeopleCsv does not rely on", async () => {
    // csv-parse's `lines` is where a record ends. In an editor these records end on lines
    // 1, 3 and 4. So readPeopleCsv counts lines itself (LineCount) and drops the "at line N"
    // of csv-parse's messages; when this fails, csv-parse counts right and its count could serve.
    const lines: number[] = [];
    for await (const { info } of parse('a\r\n"x\r\ny"\r\nz\r\n', { info: true })) {
      lines.push((info as InfoRecord).lines);
    }
    expect(lines).toEqual([1, 4, 5]);
  });
});

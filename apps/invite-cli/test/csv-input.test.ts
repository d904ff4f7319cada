import { describe, expect, it } from "vitest";
import { readPeopleCsv } from "../src/csv-input.js";
import { InputError } from "../src/errors.js";

const read = (text: string) => readPeopleCsv(Buffer.from(text, "utf8"), "people.csv");

function inputErrorOf(text: string): InputError {
  try {
    read(text);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("readPeopleCsv", () => {
  it("reads users and phone invitees, with the line each came from", () => {
    const { people, issues } = read("unionId,phoneNumber,nick\nu1,,User 1\n,123,Phone 2\n,456,\n");
    expect(issues).toEqual([]);
    expect(people).toEqual([
      { person: { kind: "user", unionId: "u1", nick: "User 1" }, source: "people.csv:2" },
      { person: { kind: "phone", phoneNumber: "123", nick: "Phone 2" }, source: "people.csv:3" },
      { person: { kind: "phone", phoneNumber: "456" }, source: "people.csv:4" },
    ]);
  });

  it("handles a BOM, CRLF, quoted fields with commas, quotes and line breaks, and unicode", () => {
    const text =
      '\uFEFFunionId,phoneNumber,nick\r\nu1,,"Lee, ""Al"""\r\n,123,"two\r\nlines"\r\n\r\nu3,,Zoë 张伟 🎉\r\nu4,,\r\n';
    const { people, issues } = read(text);
    expect(people.map((p) => p.person)).toEqual([
      { kind: "user", unionId: "u1", nick: 'Lee, "Al"' },
      { kind: "phone", phoneNumber: "123", nick: "two\r\nlines" },
      { kind: "user", unionId: "u3", nick: "Zoë 张伟 🎉" },
    ]);
    // Lines are counted in the file as an editor shows it: the quoted CRLF and the blank line count.
    expect(people.map((p) => p.source)).toEqual(["people.csv:2", "people.csv:3", "people.csv:6"]);
    expect(issues).toEqual([{ where: "people.csv:7", message: "user u4 has no nick" }]);
  });

  it("accepts the columns in any order, and a file of phone numbers only", () => {
    const { people } = read("nick,phoneNumber\nPhone 1,123\n");
    expect(people[0]?.person).toEqual({ kind: "phone", phoneNumber: "123", nick: "Phone 1" });
  });

  it("reports every bad row with its line number", () => {
    const { people, issues } = read(
      [
        "unionId,phoneNumber,nick",
        "u1,,User 1",
        "u2,,",
        ",,Nobody",
        "u3,123,Both",
        "u1,,User 1 again",
        "u4,,A,extra",
        ",123,Phone 2",
      ].join("\n"),
    );
    expect(people.map((p) => p.source)).toEqual(["people.csv:2", "people.csv:8"]);
    expect(issues).toEqual([
      { where: "people.csv:3", message: "user u2 has no nick" },
      { where: "people.csv:4", message: "neither unionId nor phoneNumber" },
      { where: "people.csv:5", message: "give either unionId or phoneNumber, not both" },
      { where: "people.csv:6", message: "duplicate of line 2 (user:u1)" },
      { where: "people.csv:7", message: "4 fields, the header has 3" },
    ]);
  });

  it("requires a header row naming known columns", () => {
    expect(inputErrorOf("").message).toBe("people.csv: empty file: a header row is required");
    expect(inputErrorOf("u1,,User 1\n").message).toContain('people.csv:1: unknown column "u1"');
    expect(inputErrorOf("unionId,email,nick\n").message).toContain('unknown column "email"');
    expect(inputErrorOf("unionId,phoneNumber\n").message).toContain(
      "nick and at least one of unionId, phoneNumber",
    );
    expect(inputErrorOf("nick,nick,unionId\n").message).toContain('column "nick" appears twice');
  });

  it("reports a broken quote with its line", () => {
    expect(inputErrorOf('unionId,phoneNumber,nick\nu1,,"User 1\n').issues[0]?.where).toMatch(
      /^people\.csv:\d+$/,
    );
  });
});

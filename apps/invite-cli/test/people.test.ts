import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { parseCliArgs } from "../src/input/args.js";
import {
  addPerson,
  type People,
  type Person,
  parseFlagPeople,
  parsePhoneFlag,
  parseUserFlag,
} from "../src/input/people.js";
import { readInput } from "../src/input/read-input.js";
import { listOf } from "./fixtures/people.js";

describe("--user and --phone values", () => {
  it("splits at the first colon, so a nick may contain colons", () => {
    expect(parseUserFlag("u1:User 1: the first")).toEqual({
      kind: "user",
      unionId: "u1",
      nick: "User 1: the first",
    });
    expect(parsePhoneFlag("1xxxxxxxxxx:Test phone user")).toEqual({
      kind: "phone",
      phoneNumber: "1xxxxxxxxxx",
      nick: "Test phone user",
    });
  });

  it("lets a phone invitee go without a nick, as the spec does", () => {
    expect(parsePhoneFlag("123")).toEqual({ kind: "phone", phoneNumber: "123" });
  });

  it("reports every bad flag value with the value itself", () => {
    let error: unknown;
    try {
      parseFlagPeople(["u1", ":Nick", "ok:Ok"], [":nick"]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues.map((i) => i.where)).toEqual([
      "--user u1",
      "--user :Nick",
      "--phone :nick",
    ]);
    expect((error as InputError).issues[0]?.message).toContain("needs a nick");
  });
});

describe("People", () => {
  it("keeps each person once, as their key and nick, and gives the same person back", () => {
    const given: Person[] = [
      { kind: "user", unionId: "u1", nick: "User: 1" },
      { kind: "phone", phoneNumber: "123", nick: "Phone" },
      { kind: "phone", phoneNumber: "456" },
      { kind: "user", unionId: "phone:456", nick: "Looks like a phone key" },
    ];
    const people: People = new Map();
    expect(given.map((person) => addPerson(people, person))).toEqual([true, true, true, true]);
    expect(addPerson(people, { kind: "user", unionId: "u1", nick: "Again" })).toBe(false);
    expect(listOf(people)).toEqual(given);
  });
});

describe("readInput", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "read-input-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("holds each person once across flags and the CSV, keeping the first entry, flags first", async () => {
    writeFileSync(
      join(dir, "people.csv"),
      "unionId,phoneNumber,nick\nu1,,From CSV\n,123,Later\nu2,,User 2\n,u1,\n",
    );
    const args = parseCliArgs([
      "c",
      "--csv",
      "people.csv",
      "--user",
      "u1:From flag",
      "--phone",
      "123",
      "--user",
      "u1:Again",
    ]);
    if (args.help) throw new Error("unexpected --help");
    const input = await readInput(args, dir);
    expect([...input.people.keys()]).toEqual(["user:u1", "phone:123", "user:u2", "phone:u1"]);
    expect(input.people.get("user:u1")).toBe("From flag");
    expect(input.people.get("phone:123")).toBe("");
    expect(input).toMatchObject({ duplicates: 3, skippedRows: [] });
  });
});

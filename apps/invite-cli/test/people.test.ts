import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import {
  mergePeople,
  parseFlagPeople,
  parsePhoneFlag,
  parseUserFlag,
  personKey,
} from "../src/people.js";

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

describe("mergePeople", () => {
  it("invites each person once across sources, keeping the first entry", () => {
    const { people, duplicates } = mergePeople([
      { person: { kind: "user", unionId: "u1", nick: "From flag" }, source: "--user" },
      { person: { kind: "phone", phoneNumber: "123" }, source: "--phone" },
      { person: { kind: "user", unionId: "u1", nick: "From CSV" }, source: "p.csv:2" },
      { person: { kind: "phone", phoneNumber: "123", nick: "Later" }, source: "p.csv:3" },
      { person: { kind: "phone", phoneNumber: "u1" }, source: "p.csv:4" },
    ]);
    expect(people.map(personKey)).toEqual(["user:u1", "phone:123", "phone:u1"]);
    expect(people[0]).toMatchObject({ nick: "From flag" });
    expect(duplicates).toBe(2);
  });
});

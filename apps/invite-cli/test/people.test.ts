import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { parseFlagPeople, parsePhoneFlag, parseUserFlag, personKey } from "../src/people.js";
import { fromFlag, PersonList } from "../src/person-list.js";

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

describe("PersonList", () => {
  it("holds each person once across sources, keeping the first entry", () => {
    const people = new PersonList();
    const earlier = [
      people.add({ kind: "user", unionId: "u1", nick: "From flag" }, fromFlag),
      people.add({ kind: "phone", phoneNumber: "123" }, fromFlag),
      people.add({ kind: "user", unionId: "u1", nick: "From CSV" }, 2),
      people.add({ kind: "phone", phoneNumber: "123", nick: "Later" }, 3),
      people.add({ kind: "phone", phoneNumber: "u1" }, 4),
    ];
    expect([...people].map(personKey)).toEqual(["user:u1", "phone:123", "phone:u1"]);
    expect(people.at(0)).toMatchObject({ nick: "From flag" });
    expect(people.at(1)).toEqual({ kind: "phone", phoneNumber: "123" });
    expect(earlier).toEqual([undefined, undefined, fromFlag, fromFlag, undefined]);
  });

  it("gives back names, nicks and keys exactly, unicode included", () => {
    const people = new PersonList();
    const entries = [
      { kind: "user", unionId: "Zoë-1", nick: "张伟 🎉" },
      { kind: "phone", phoneNumber: "+86 138", nick: 'Lee, "Al"' },
      { kind: "user", unionId: "u:2", nick: "two\r\nlines" },
    ] as const;
    for (const [line, person] of entries.entries()) people.add(person, line + 2);
    expect([...people]).toEqual(entries);
    // Adding someone again answers with the line that first gave them, and keeps the first entry.
    expect(entries.map((person) => people.add(person, 9))).toEqual([2, 3, 4]);
    expect(people.add({ kind: "user", unionId: "Zoë-1", nick: "again" }, 9)).toBe(2);
    expect([...people]).toEqual(entries);
  });

  it("finds every earlier entry of a long list", () => {
    const people = new PersonList();
    for (let i = 0; i < 50_000; i++) people.add({ kind: "phone", phoneNumber: `${i}` }, i + 2);
    expect(people.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) {
      expect(people.add({ kind: "phone", phoneNumber: `${i}` }, 1)).toBe(i + 2);
    }
    expect(people.at(49_999)).toEqual({ kind: "phone", phoneNumber: "49999" });
  });
});

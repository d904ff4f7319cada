import type { Invitee, PhoneInvitee } from "@dingtalk-conference/client";
import { InputError, type InputIssue } from "../errors.js";

/** Someone to invite: a DingTalk user by unionId, or anyone by phone number. */
export type Person =
  | { readonly kind: "user"; readonly unionId: string; readonly nick: string }
  | { readonly kind: "phone"; readonly phoneNumber: string; readonly nick?: string };

/**
 * The identity the journal and de-duplication use: two entries with the same key
 * are the same person, whatever their nick says.
 */
export function personKey(person: Person): string {
  return person.kind === "user" ? `user:${person.unionId}` : `phone:${person.phoneNumber}`;
}

/** The request-body shape of a user invitee; typed by the client, so a renamed field fails to compile. */
export function toInvitee(person: Person & { kind: "user" }): Invitee {
  return { unionId: person.unionId, nick: person.nick };
}

export function toPhoneInvitee(person: Person & { kind: "phone" }): PhoneInvitee {
  return person.nick
    ? { phoneNumber: person.phoneNumber, nick: person.nick }
    : { phoneNumber: person.phoneNumber };
}

/** Parses `--user <unionId>:<nick>`; the nick may itself contain colons. */
export function parseUserFlag(value: string): Person {
  const [unionId, nick] = splitPair(value);
  if (!unionId)
    throw new InputError([{ where: `--user ${value}`, message: "missing unionId before ':'" }]);
  if (!nick) {
    throw new InputError([
      { where: `--user ${value}`, message: "a user needs a nick: --user <unionId>:<nick>" },
    ]);
  }
  return { kind: "user", unionId, nick };
}

/** Parses `--phone <number>[:<nick>]`; the spec makes a phone invitee's nick optional. */
export function parsePhoneFlag(value: string): Person {
  const [phoneNumber, nick] = splitPair(value);
  if (!phoneNumber) {
    throw new InputError([
      { where: `--phone ${value}`, message: "missing phone number before ':'" },
    ]);
  }
  return nick ? { kind: "phone", phoneNumber, nick } : { kind: "phone", phoneNumber };
}

function splitPair(value: string): [string, string] {
  const colon = value.indexOf(":");
  if (colon < 0) return [value.trim(), ""];
  return [value.slice(0, colon).trim(), value.slice(colon + 1).trim()];
}

/** Collects the issues of several flag values, so one run reports them all. */
export function parseFlagPeople(users: readonly string[], phones: readonly string[]): Person[] {
  const issues: InputIssue[] = [];
  const people: Person[] = [];
  const collect = (values: readonly string[], parse: (v: string) => Person) => {
    for (const value of values) {
      try {
        people.push(parse(value));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        issues.push(...error.issues);
      }
    }
  };
  collect(users, parseUserFlag);
  collect(phones, parsePhoneFlag);
  if (issues.length > 0) throw new InputError(issues);
  return people;
}

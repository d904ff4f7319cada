import type { Invitee, PhoneInvitee } from "@dingtalk-conference/client";
import { InputError, type InputIssue } from "../errors.js";

/** Someone to invite: a DingTalk user by unionId, or anyone by phone number. */
export type Person =
  | { readonly kind: "user"; readonly unionId: string; readonly nick: string }
  | { readonly kind: "phone"; readonly phoneNumber: string; readonly nick?: string };

const userKeyPrefix = "user:";
const phoneKeyPrefix = "phone:";

/**
 * The identity the journal and de-duplication use: two entries with the same key
 * are the same person, whatever their nick says.
 */
export function personKey(person: Person): string {
  return person.kind === "user"
    ? `${userKeyPrefix}${person.unionId}`
    : `${phoneKeyPrefix}${person.phoneNumber}`;
}

/**
 * Everyone to invite: each person's key with their nick ("" for a phone invitee without
 * one), in the order first given. The key holds the unionId or phone number, so a long
 * list keeps two strings per person and no object; `personOf` builds the Person of
 * someone being sent.
 */
export type People = Map<string, string>;

/** Adds someone not there yet; false (and `people` unchanged) when their key is there already. */
export function addPerson(people: People, person: Person, key = personKey(person)): boolean {
  if (people.has(key)) return false;
  people.set(key, person.nick ?? "");
  return true;
}

/** The person a `People` entry stands for. */
export function personOf(key: string, nick: string): Person {
  if (key.startsWith(userKeyPrefix))
    return { kind: "user", unionId: key.slice(userKeyPrefix.length), nick };
  const phoneNumber = key.slice(phoneKeyPrefix.length);
  return nick ? { kind: "phone", phoneNumber, nick } : { kind: "phone", phoneNumber };
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

import { CompactKeyMap } from "./compact-key-map.js";
import { type Person, personFromKey, personKey } from "./people.js";
import { StringArena } from "./string-arena.js";

/** The origin of a person given by a flag rather than a CSV line. */
export const fromFlag = 0;

/**
 * Everyone to invite, once each, in the order first given (flags, then CSV rows), held
 * compactly: a key and a nick in UTF-8 each, no object per person. People come out as
 * objects only while they are read, one batch at a time.
 */
export class PersonList implements Iterable<Person> {
  /** Person key → origin: the CSV line that first gave the person, or `fromFlag`. */
  readonly #origins = new CompactKeyMap();
  /** Entry i's nick ("" for a phone invitee without one). */
  readonly #nicks = new StringArena();

  get size(): number {
    return this.#origins.size;
  }

  /**
   * Adds the person unless someone with the same key is already there. Then the first
   * entry stays, and this returns its origin: a CSV line (the row is a duplicate), or
   * `fromFlag`. A CSV row repeating a flag's person becomes that person's origin, so a
   * later row repeating it again is that row's duplicate, as within a CSV.
   */
  add(person: Person, origin: number): number | undefined {
    const key = personKey(person);
    const earlier = this.#origins.addIfAbsent(key, origin);
    if (earlier === undefined) this.#nicks.push(person.nick ?? "");
    else if (earlier === fromFlag && origin !== fromFlag) this.#origins.set(key, origin);
    return earlier;
  }

  at(index: number): Person {
    return personFromKey(this.#origins.keyAt(index), this.#nicks.at(index));
  }

  *[Symbol.iterator](): Iterator<Person> {
    for (let index = 0; index < this.size; index++) yield this.at(index);
  }
}

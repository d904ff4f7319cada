import { grown, StringArena } from "./string-arena.js";

/**
 * A map from string keys to unsigned 32-bit numbers (a CSV line, a batch number), in
 * insertion order, held in typed arrays: a key costs its UTF-8 bytes and about 16 bytes
 * of index, against some 75 for a `Map` entry with its string. De-duplicating a list
 * and replaying a journal each need one entry per person, so this is what keeps the
 * CLI's memory flat as the list grows.
 */
export class CompactKeyMap {
  readonly #keys = new StringArena();
  #values = new Uint32Array(1024);
  /** Open addressing with linear probing: a slot holds an entry's index + 1, 0 when empty. */
  #slots = new Int32Array(2048);

  get size(): number {
    return this.#keys.size;
  }

  get(key: string): number | undefined {
    const entry = this.#find(key).entry;
    return entry === undefined ? undefined : this.#values[entry];
  }

  set(key: string, value: number): void {
    const found = this.#find(key);
    if (found.entry === undefined) this.#add(found, value);
    else this.#values[found.entry] = checked(value);
  }

  /** Adds the key unless it is there; returns the value it already had, if it was. */
  addIfAbsent(key: string, value: number): number | undefined {
    const found = this.#find(key);
    if (found.entry !== undefined) return this.#values[found.entry];
    this.#add(found, value);
    return undefined;
  }

  keyAt(entry: number): string {
    return this.#keys.at(entry);
  }

  valueAt(entry: number): number {
    this.#keys.at(entry); // throws for an entry that does not exist
    return this.#values[entry] as number;
  }

  /** Stages the key in the arena and finds its entry, or the empty slot it would take. */
  #find(key: string): { entry?: number; slot: number; length: number; hash: number } {
    const length = this.#keys.stage(key);
    const hash = this.#keys.hashOfStaged(length);
    const mask = this.#slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const occupant = this.#slots[slot] as number;
      if (occupant === 0) return { slot, length, hash };
      if (this.#keys.stagedEquals(length, occupant - 1))
        return { entry: occupant - 1, slot, length, hash };
    }
  }

  #add(found: { slot: number; length: number }, value: number): void {
    const entry = this.#keys.commitStaged(found.length);
    if (entry >= this.#values.length) this.#values = grown(this.#values, entry + 1);
    this.#values[entry] = checked(value);
    this.#slots[found.slot] = entry + 1;
    // At most half full, so probes stay short.
    if (this.size * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
  }

  #rehash(slotCount: number): void {
    const slots = new Int32Array(slotCount);
    const mask = slotCount - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.#keys.hashAt(entry) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}

function checked(value: number): number {
  if (value >>> 0 !== value) throw new RangeError(`${value} does not fit a CompactKeyMap value`);
  return value;
}

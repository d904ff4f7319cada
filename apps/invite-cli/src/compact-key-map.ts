import { ensureCapacity, growableMemory } from "./growable-memory.js";
import { maxArenaStrings, StringArena } from "./string-arena.js";

/** What a lookup found: the key's entry if it is there, else the empty slot it would take. */
interface Found {
  readonly entry?: number;
  readonly slot: number;
  /** The key's length in bytes, as staged in the arena. */
  readonly length: number;
}

/**
 * A map from string keys to unsigned 32-bit numbers (a CSV line, a batch number), in
 * insertion order, held in memory that grows in place: a key costs its UTF-8 bytes and
 * about 16 bytes of index, against some 75 for a `Map` entry with its string.
 * De-duplicating a list and replaying a journal each need one entry per person, so this
 * is what keeps the CLI's memory flat as the list grows.
 */
export class CompactKeyMap {
  readonly #keys = new StringArena();
  /** Entry i's value; the view follows its memory's growth. */
  readonly #values = new Uint32Array(growableMemory(maxArenaStrings * 4));
  /**
   * Open addressing with linear probing: a slot holds an entry's index + 1, 0 when empty.
   * A power of two long, at most half full, so probes stay short.
   */
  readonly #slots = new Int32Array(growableMemory(maxArenaStrings * 2 * 4));

  constructor() {
    (this.#slots.buffer as ArrayBuffer).resize(1024 * 4);
  }

  get size(): number {
    return this.#keys.size;
  }

  get(key: string): number | undefined {
    const { entry } = this.#find(key);
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

  /** Stages the key in the arena (see `StringArena.stage`) and looks it up. */
  #find(key: string): Found {
    const length = this.#keys.stage(key);
    const mask = this.#slots.length - 1;
    for (let slot = this.#keys.hashOfStaged(length) & mask; ; slot = (slot + 1) & mask) {
      const occupant = this.#slots[slot] as number;
      if (occupant === 0) return { slot, length };
      if (this.#keys.stagedEquals(length, occupant - 1))
        return { entry: occupant - 1, slot, length };
    }
  }

  #add(found: Found, value: number): void {
    const entry = this.#keys.commitStaged(found.length);
    ensureCapacity(this.#values.buffer as ArrayBuffer, (entry + 1) * 4, "index");
    this.#values[entry] = checked(value);
    this.#slots[found.slot] = entry + 1;
    if (this.size * 2 > this.#slots.length) this.#rehash();
  }

  /** Doubles the slots in place and puts every entry back: the keys are all in the arena. */
  #rehash(): void {
    const slots = this.#slots.buffer as ArrayBuffer;
    if (slots.byteLength * 2 > slots.maxByteLength) {
      throw new RangeError(`the list is too long to hold: more than ${maxArenaStrings} people`);
    }
    slots.resize(slots.byteLength * 2);
    this.#slots.fill(0);
    const mask = this.#slots.length - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = this.#keys.hashAt(entry) & mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
      this.#slots[slot] = entry + 1;
    }
  }
}

function checked(value: number): number {
  if (value >>> 0 !== value) throw new RangeError(`${value} does not fit a CompactKeyMap value`);
  return value;
}

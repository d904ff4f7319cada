import { ensureCapacity, growableMemory } from "./growable-memory.js";

/** Most UTF-8 bytes one arena holds, and most strings: address space reserved, not memory. */
const maxArenaBytes = 256 * 1024 * 1024;
export const maxArenaStrings = 16 * 1024 * 1024;

/**
 * Strings stored back to back as UTF-8 in memory that grows in place, addressed by
 * index. A list of 100 000 people kept as JavaScript strings and objects costs well over
 * 100 bytes a person on the heap; here a key or a nick costs its bytes plus four for its
 * offset, so a long list keeps the CLI's memory nearly flat.
 */
export class StringArena {
  readonly #memory = growableMemory(maxArenaBytes);
  /** A view of `#memory`, made again when it grows (a Buffer does not follow its growth). */
  #bytes = Buffer.from(this.#memory);
  /** String i is `#bytes[#starts[i] .. #starts[i + 1]]`; this view follows its memory's growth. */
  readonly #starts = new Uint32Array(growableMemory((maxArenaStrings + 1) * 4));
  #count = 0;

  constructor() {
    ensureCapacity(this.#starts.buffer as ArrayBuffer, 4, "string offsets");
  }

  get size(): number {
    return this.#count;
  }

  /** Appends a string and returns its index. */
  push(text: string): number {
    return this.commitStaged(this.stage(text));
  }

  at(index: number): string {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) {
      throw new RangeError(`no string ${index} in an arena of ${this.#count}`);
    }
    return this.#bytes.toString("utf8", this.#starts[index], this.#starts[index + 1]);
  }

  /**
   * Writes `text` just past the last string without adding it and returns its length
   * in bytes, so a caller can hash it and compare it with stored strings before
   * deciding to `commitStaged` it: looking a string up allocates nothing.
   */
  stage(text: string): number {
    const start = this.#end();
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    ensureCapacity(this.#memory, start + text.length * 3, "names and keys");
    if (this.#bytes.length !== this.#memory.byteLength) this.#bytes = Buffer.from(this.#memory);
    return this.#bytes.write(text, start, "utf8");
  }

  hashOfStaged(length: number): number {
    const start = this.#end();
    return fnv1a(this.#bytes, start, start + length);
  }

  /** The same hash `hashOfStaged` gave string `index` before it was committed. */
  hashAt(index: number): number {
    return fnv1a(this.#bytes, this.#starts[index] as number, this.#starts[index + 1] as number);
  }

  stagedEquals(length: number, index: number): boolean {
    const start = this.#starts[index] as number;
    const end = this.#starts[index + 1] as number;
    if (end - start !== length) return false;
    const staged = this.#end();
    return this.#bytes.compare(this.#bytes, start, end, staged, staged + length) === 0;
  }

  /** Adds the string `stage` wrote last and returns its index. */
  commitStaged(length: number): number {
    ensureCapacity(this.#starts.buffer as ArrayBuffer, (this.#count + 2) * 4, "string offsets");
    this.#starts[this.#count + 1] = this.#end() + length;
    return this.#count++;
  }

  #end(): number {
    return this.#starts[this.#count] as number;
  }
}

/** FNV-1a over a byte range: cheap, and it spreads keys that differ in one digit. */
function fnv1a(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  return hash >>> 0;
}

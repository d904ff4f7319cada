/**
 * Memory that grows in place. A resizable ArrayBuffer reserves address space for its
 * maximum up front and commits memory only as it grows, so growing copies nothing and
 * leaves no old copy behind. Growing plain typed arrays by copying would: V8 frees such
 * external memory only at its next full collection, so on a long list the dead copies
 * would outweigh the live one.
 */
export function growableMemory(maxBytes: number): ArrayBuffer {
  return new ArrayBuffer(0, { maxByteLength: maxBytes });
}

/**
 * Grows `memory` to hold at least `bytes`, doubling so that growing stays rare.
 * `what` names the memory in the error when the list outgrows it ("index", "names and keys").
 */
export function ensureCapacity(memory: ArrayBuffer, bytes: number, what: string): void {
  if (bytes <= memory.byteLength) return;
  if (bytes > memory.maxByteLength) {
    throw new RangeError(
      `the list is too long to hold: it needs more than ${memory.maxByteLength} bytes of ${what}`,
    );
  }
  memory.resize(Math.min(memory.maxByteLength, Math.max(bytes, memory.byteLength * 2, 4096)));
}

/** Git could not answer (unknown ref, not a repository, file missing at that ref). */
export class GitQueryError extends Error {
  override readonly name = "GitQueryError";
}

/** A spec could not be read or parsed; `source` says which one (a ref or the working tree). */
export class SpecReadError extends Error {
  override readonly name = "SpecReadError";
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`cannot read the spec at ${source}: ${reason}`);
  }
}

/** A review command was called wrongly (unknown option, missing value). */
export class ReviewUsageError extends Error {
  override readonly name = "ReviewUsageError";
}

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

/** `.changeset/` holds a file changesets cannot read (broken front matter, unknown bump type). */
export class ChangesetReadError extends Error {
  override readonly name = "ChangesetReadError";
  constructor(reason: string) {
    super(`cannot read the changesets in .changeset/: ${reason}`);
  }
}

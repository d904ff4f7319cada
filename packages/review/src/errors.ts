/** The command line asked for something `pnpm review` cannot do (unknown option, bad port). */
export class ReviewUsageError extends Error {
  override readonly name = "ReviewUsageError";
}

/** The port the review page was to be served on is taken by another process. */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is already in use; choose another with --port`);
  }
}

/** `changeset status` failed for a reason other than "no changeset": the message is its first line. */
export class ChangesetStatusError extends Error {
  override readonly name = "ChangesetStatusError";
}

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

/** The system refuses this user the port (EACCES): a port below 1024 needs privileges on most systems. */
export class PortNotPermittedError extends Error {
  override readonly name = "PortNotPermittedError";
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(
      `port ${port} on ${host} is not open to this user (ports below 1024 need privileges); choose another with --port`,
    );
  }
}

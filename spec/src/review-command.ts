// How every review command (spec:diff, release:check) ends: its verdict as the
// exit code, and a failure it knows as one line naming the command, exit 2.
type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs `main` and exits with the code it returns. */
export function runReviewCommand(
  name: string,
  main: () => Promise<number>,
  knownErrors: readonly ErrorClass[],
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = knownErrors.some((type) => error instanceof type);
      // Anything else is a bug here, not a misuse: its stack helps whoever fixes it.
      console.error(known ? `${name}: ${(error as Error).message}` : error);
      process.exit(2);
    },
  );
}

/** One thing wrong with the input, and where it is (a CSV line, a flag, a file). */
export interface InputIssue {
  /** Where the problem is, e.g. `people.csv:7`, `--user`, `--batch-size`. */
  readonly where: string;
  readonly message: string;
}

/**
 * Bad input or configuration: the run stops before anything is sent (exit code 2).
 * Carries every issue found, so one run reports all bad rows rather than the first.
 */
export class InputError extends Error {
  override readonly name: string = "InputError";
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[] | string) {
    const list = typeof issues === "string" ? [{ where: "", message: issues }] : issues;
    super(list.map(formatIssue).join("\n"));
    this.issues = list;
  }
}

/** The journal cannot be trusted (corrupt line, another conference): nothing is sent. */
export class JournalError extends InputError {
  override readonly name = "JournalError";
}

export function formatIssue(issue: InputIssue): string {
  return issue.where ? `${issue.where}: ${issue.message}` : issue.message;
}

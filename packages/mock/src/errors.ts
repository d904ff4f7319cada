/** Prism did not start, or did not say it is listening in time; `output` is what it printed. */
export class MockStartError extends Error {
  override readonly name = "MockStartError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(output ? `${message}\n--- prism output ---\n${output}` : message);
  }
}

import { readCommandLine } from "@dingtalk-conference/command-line";

/**
 * How big each measure is: rounds of the cold start (one new process per program in
 * each) and of the CPU measure, and its sequential calls per subject; people in the
 * CSV the CLI sends at each --rate, and in the one whose peak memory is measured.
 */
export interface Scale {
  readonly coldStarts: number;
  readonly calls: number;
  readonly rounds: number;
  readonly ratePeople: number;
  readonly memoryPeople: number;
}

export interface BenchArgs {
  /** CI's smoke run: every measure small (a few hundred calls), nothing written. */
  readonly quick: boolean;
  /** The measures to take, by name: all of `measureNames` unless `--only` names some. */
  readonly only: readonly string[];
  readonly scale: Scale;
}

/** A bad command line: the message names the flag or value, on one line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

const full: Scale = { coldStarts: 24, calls: 2000, rounds: 6, ratePeople: 1e4, memoryPeople: 1e5 };
const quick: Scale = { coldStarts: 2, calls: 200, rounds: 2, ratePeople: 1000, memoryPeople: 5000 };

const usage = "usage: pnpm bench [--quick] [--only <measure>[,<measure>…]]";

export function parseBenchArgs(argv: readonly string[], measureNames: string[]): BenchArgs {
  const { values } = readCommandLine(argv, {
    usage,
    UsageError,
    options: { quick: { type: "boolean" }, only: { type: "string" } },
  });
  const only = values.only === undefined ? [...measureNames] : [...new Set(values.only.split(","))];
  const unknown = only.find((name) => !measureNames.includes(name));
  if (unknown !== undefined) {
    throw new UsageError(
      `--only: unknown measure ${JSON.stringify(unknown)}; the measures are ${measureNames.join(", ")}`,
    );
  }
  const isQuick = values.quick === true;
  return { quick: isQuick, only, scale: isQuick ? quick : full };
}

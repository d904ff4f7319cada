// How the workspace's commands read their command line: node:util parseArgs,
// plus what each of them would otherwise write again around it (the `--` pnpm
// passes on, a one-line error with the usage, one positional at most, --port).
import { type ParseArgsConfig, parseArgs } from "node:util";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** What parseArgs makes of `Options`: each option typed by its declaration. */
type ParsedValues<Options extends OptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: Options; allowPositionals: boolean; strict: true }>
>["values"];

/** A command's own class for a command line it refuses: each command names its errors. */
export type UsageErrorClass = new (message: string) => Error;

export interface CommandLine<Options extends OptionsConfig> {
  /** The usage line, quoted after a mistake in the options or positionals. */
  usage: string;
  options: Options;
  /** What the command's one positional is ("git ref"); without it, the command takes none. */
  positional?: string;
  UsageError: UsageErrorClass;
}

export interface ParsedCommandLine<Options extends OptionsConfig> {
  values: ParsedValues<Options>;
  positional: string | undefined;
}

/** Where a command prints its report: the console, or a test's buffer. */
export type Output = Pick<Console, "log" | "error">;

/** The first line of an error's message: some libraries go on to quote whole files. */
export const firstLine = (error: unknown): string =>
  String(error instanceof Error ? error.message : error).split("\n", 1)[0] as string;

/**
 * `argv` read as `command` declares; a mistake is a `command.UsageError` of
 * one line that names the option or argument and quotes the usage.
 */
export function readCommandLine<const Options extends OptionsConfig>(
  argv: readonly string[],
  command: CommandLine<Options>,
): ParsedCommandLine<Options> {
  // `pnpm <script> -- --flag` passes the `--` on; past it parseArgs would take
  // every option for a positional.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  let parsed: { values: ParsedValues<Options>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: command.options,
      allowPositionals: command.positional !== undefined,
      strict: true,
    });
  } catch (error) {
    // Anything but parseArgs' verdict on the arguments is a bug in `command`: keep its stack.
    if (!String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_")) throw error;
    // parseArgs names the culprit in its first sentence ("Unknown option '--colour'");
    // the rest is advice about `--` that would mislead behind pnpm.
    throw new command.UsageError(`${firstLine(error).split(". ", 1)[0]} (${command.usage})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new command.UsageError(
      `one ${command.positional} at most, got ${positionals.join(" ")} (${command.usage})`,
    );
  }
  return { values, positional: positionals[0] };
}

/** A --port value as a number, undefined when absent; anything but 1 to 65535 is a `UsageError`. */
export function readPort(value: string | undefined, UsageError: UsageErrorClass) {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) {
    throw new UsageError(`--port must be an integer from 1 to 65535, got "${value}"`);
  }
  return port;
}

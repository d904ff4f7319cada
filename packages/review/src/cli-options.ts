import { parseArgs } from "node:util";
import { ReviewUsageError } from "./errors.js";

export const usage = "usage: pnpm review [<git-ref>] [--port <1-65535>] [--help]";

export interface CliOptions {
  help: boolean;
  /** The git ref to compare with; default: where this branch left main. */
  ref?: string;
  port?: number;
}

/** `pnpm review`'s command line; a mistake is a ReviewUsageError of one line. */
export function readOptions(argv: readonly string[]): CliOptions {
  // pnpm forwards the `--` that separates its own options from the script's.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  const parse = () =>
    parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new ReviewUsageError(`${(error as Error).message} (${usage})`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new ReviewUsageError(`one git ref at most, got ${positionals.join(" ")} (${usage})`);
  }
  const options: CliOptions = { help: values.help === true, ref: positionals[0] };
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65_535) {
      throw new ReviewUsageError(`--port must be an integer from 1 to 65535, got "${values.port}"`);
    }
    options.port = port;
  }
  return options;
}

import { readCommandLine, readPort } from "@dingtalk-conference/command-line";
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
  const { values, positional } = readCommandLine(argv, {
    usage,
    UsageError: ReviewUsageError,
    positional: "git ref",
    options: { port: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const options: CliOptions = { help: values.help === true, ref: positional };
  const port = readPort(values.port, ReviewUsageError);
  if (port !== undefined) options.port = port;
  return options;
}

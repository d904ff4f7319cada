import { isIPv4 } from "node:net";
import { readCommandLine, readPort } from "@dingtalk-conference/command-line";

/** The command line asked for something `pnpm mock` cannot do. */
export class MockCliUsageError extends Error {
  override readonly name = "MockCliUsageError";
}

export const usage = "usage: pnpm mock [--port <1-65535>] [--host <loopback address>] [--help]";

export interface MockCliOptions {
  readonly help: boolean;
  readonly host: string;
  readonly port?: number;
}

/** A review mock answers anyone who can reach it: it listens on this machine only. */
function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}

/** `pnpm mock`'s options; a MockCliUsageError names the one that is wrong. */
export function parseMockCliOptions(argv: readonly string[]): MockCliOptions {
  const { values } = readCommandLine(argv, {
    usage,
    UsageError: MockCliUsageError,
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const { help, host } = values;
  if (!isLoopback(host)) {
    throw new MockCliUsageError(
      `--host must be a loopback address (127.x.x.x, ::1, localhost), got "${host}"`,
    );
  }
  const port = readPort(values.port, MockCliUsageError);
  return port === undefined ? { help, host } : { help, host, port };
}

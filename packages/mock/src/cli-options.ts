import { isIPv4 } from "node:net";
import { parseArgs } from "node:util";

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
  let values: { help?: boolean; host?: string; port?: string };
  try {
    ({ values } = parseArgs({
      // pnpm passes on the `--` that ends its own options.
      args: argv.filter((arg) => arg !== "--"),
      options: {
        port: { type: "string" },
        host: { type: "string", default: "127.0.0.1" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    // parseArgs names the unknown option, or the one that lacks its value.
    throw new MockCliUsageError((error as Error).message);
  }
  const { help = false, host = "127.0.0.1" } = values;
  if (!isLoopback(host)) {
    throw new MockCliUsageError(
      `--host must be a loopback address (127.x.x.x, ::1, localhost), got "${host}"`,
    );
  }
  if (values.port === undefined) return { help, host };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 1 || port > 65_535) {
    throw new MockCliUsageError(`--port must be an integer from 1 to 65535, got "${values.port}"`);
  }
  return { help, host, port };
}

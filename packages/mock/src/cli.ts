// `pnpm mock`: the mock on the spec for a reviewer to try by hand. It prints one
// ready-to-paste curl line per documented response, read from the spec, so
// every success and every DingTalk error code can be provoked with
// `Prefer: code=…, example=…` without knowing Prism's conventions.
import { isIPv4 } from "node:net";
import { parseArgs } from "node:util";
import { loadSpec, SpecDocumentError, specPath } from "@dingtalk-conference/spec/document";
import { curlCommand, requestFor } from "./documented-requests.js";
import {
  describeResponse,
  documentedResponses,
  UnaskableResponseError,
} from "./documented-responses.js";
import { startMock } from "./start-mock.js";

/** The command line asked for something this command cannot do. */
class MockCliUsageError extends Error {
  override readonly name = "MockCliUsageError";
}

const usage = "usage: pnpm mock [--port <1-65535>] [--host <loopback address>] [--help]";

/** A review mock answers anyone who can reach it: it listens on this machine only. */
function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}

function cliOptions(argv: readonly string[]): { help: boolean; host: string; port?: number } {
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
    // parseArgs names the unknown option or the one lacking its value.
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

async function main(): Promise<void> {
  const options = cliOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return;
  }
  // Build the lines before starting Prism, so a spec they cannot be made from
  // fails fast instead of leaving a mock nobody was told how to call.
  const lines = documentedResponses(loadSpec()).map((response) => ({
    title: `# ${describeResponse(response)}`,
    request: requestFor(response),
  }));
  const mock = await startMock({ host: options.host, port: options.port });
  // Ctrl-C (or a kill) stops Prism before this process goes.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      void mock.stop().then(() => process.exit(0));
    });
  }
  console.log(`Prism is mocking ${specPath} at ${mock.url}\n`);
  console.log(
    lines.map(({ title, request }) => `${title}\n${curlCommand(request, mock.url)}`).join("\n\n"),
  );
  console.log(`\n${lines.length} requests above. Press Ctrl-C to stop the mock.`);
}

main().catch((error: unknown) => {
  const known =
    error instanceof MockCliUsageError ||
    // The spec lacks what a line needs (an example, a path parameter value…).
    error instanceof SpecDocumentError ||
    error instanceof UnaskableResponseError;
  console.error(known ? `pnpm mock: ${error.message}` : error);
  process.exit(known ? 2 : 1);
});

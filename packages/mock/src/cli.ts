// `pnpm mock`: Prism on the spec for a reviewer to try by hand. It prints one
// ready-to-paste curl line per documented response, read from the spec, so
// every success and every DingTalk error code can be provoked with
// `Prefer: code=…, example=…` without knowing Prism's conventions.
import { isIPv4 } from "node:net";
import {
  examplePathParams,
  expandPath,
  loadSpec,
  requestExamplesOf,
  SpecDocumentError,
  securityHeadersOf,
  specPath,
} from "@dingtalk-conference/spec/document";
import {
  documentedResponses,
  preferHeader,
  UnaskableResponseError,
} from "./documented-responses.js";
import { startMock } from "./start-mock.js";

/** The command line asked for something this command cannot do. */
export class MockCliUsageError extends Error {
  override readonly name = "MockCliUsageError";
}

interface CliOptions {
  help: boolean;
  host: string;
  port?: number;
}

interface ReviewRequest {
  /** "# <operationId> <status> <example> — <summary>" */
  title: string;
  /** The curl line, once the mock's base URL is known. */
  curlAt(baseUrl: string): string;
}

const usage = "usage: pnpm mock [--port <1-65535>] [--host <loopback address>] [--help]";
/** Prism checks that the security header is present, not what it holds. */
const reviewToken = "review-token";

/** A review mock answers anyone who can reach it: it listens on this machine only. */
function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return isIPv4(host) && host.startsWith("127.");
}

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { help: false, host: "127.0.0.1" };
  const args = argv.filter((arg) => arg !== "--");
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag === "--help" || flag === "-h") {
      options.help = true;
      continue;
    }
    if (flag !== "--port" && flag !== "--host") {
      throw new MockCliUsageError(`unknown option "${flag}"\n${usage}`);
    }
    i += 1;
    const value = args[i];
    if (value === undefined || value.startsWith("-")) {
      throw new MockCliUsageError(`${flag} needs a value\n${usage}`);
    }
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) {
        throw new MockCliUsageError(`--port must be an integer from 1 to 65535, got "${value}"`);
      }
      options.port = port;
    } else if (isLoopback(value)) {
      options.host = value;
    } else {
      throw new MockCliUsageError(
        `--host must be a loopback address (127.x.x.x, ::1, localhost), got "${value}"`,
      );
    }
  }
  return options;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** One curl line per documented response of every operation. */
function reviewRequests(spec: unknown): ReviewRequest[] {
  return documentedResponses(spec).map((response) => {
    const { operation } = response;
    const path = expandPath(operation.pathTemplate, examplePathParams(operation));
    const body = operation.requestBody ? requestExamplesOf(operation)[0]?.value : undefined;
    const headers = [
      `Prefer: ${preferHeader(response)}`,
      ...(body === undefined ? [] : ["content-type: application/json"]),
      ...securityHeadersOf(operation).map((name) => `${name}: ${reviewToken}`),
    ];
    const title = [`# ${operation.operationId} ${response.status}`, response.exampleName]
      .filter(Boolean)
      .join(" ");
    return {
      title: response.summary ? `${title} — ${response.summary}` : title,
      curlAt: (baseUrl) =>
        [
          "curl -sS -X",
          operation.method.toUpperCase(),
          shellQuote(baseUrl + path),
          ...headers.map((header) => `-H ${shellQuote(header)}`),
          ...(body === undefined ? [] : ["--data", shellQuote(JSON.stringify(body))]),
        ].join(" "),
    };
  });
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return;
  }
  // Build the lines before starting Prism, so a spec they cannot be made from
  // fails fast instead of leaving a mock nobody was told how to call.
  const requests = reviewRequests(loadSpec());
  const mock = await startMock({ host: options.host, port: options.port });
  // Ctrl-C (or a kill) stops Prism before this process goes.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      void mock.stop().then(() => process.exit(0));
    });
  }
  console.log(`Prism is mocking ${specPath} at ${mock.url}\n`);
  console.log(requests.map(({ title, curlAt }) => `${title}\n${curlAt(mock.url)}`).join("\n\n"));
  console.log(`\n${requests.length} requests above. Press Ctrl-C to stop the mock.`);
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

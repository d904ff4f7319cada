// `pnpm mock`: Prism on the spec for a reviewer to try by hand. It prints one
// ready-to-paste curl line per named response example, read from the spec, so
// every success and every DingTalk error code can be provoked with
// `Prefer: code=…, example=…` without knowing Prism's conventions.
import {
  examplePathParams,
  expandPath,
  loadSpec,
  operationsOf,
  requestExamplesOf,
  responsesOf,
  SpecDocumentError,
  securityHeadersOf,
  specPath,
} from "@dingtalk-conference/spec/document";
import { freePort } from "./free-port.js";
import { startMock } from "./start-mock.js";

/** The command line asked for something this command cannot do. */
export class MockCliUsageError extends Error {
  override readonly name = "MockCliUsageError";
}

interface CliOptions {
  host: string;
  port?: number;
}

interface ReviewRequest {
  operationId: string;
  status: string;
  example: string;
  summary: string;
  curl: string;
}

const usage = "usage: pnpm mock [--port <1-65535>] [--host <loopback address>]";
/** Prism checks that the security header is present, not what it holds. */
const reviewToken = "review-token";

function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { host: "127.0.0.1" };
  const args = argv.filter((arg) => arg !== "--");
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined || value.startsWith("--")) {
      throw new MockCliUsageError(`${flag} needs a value\n${usage}`);
    }
    if (flag === "--port") {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 1 || port > 65_535) {
        throw new MockCliUsageError(`--port must be an integer from 1 to 65535, got "${value}"`);
      }
      options.port = port;
    } else if (flag === "--host") {
      options.host = value;
    } else {
      throw new MockCliUsageError(`unknown option "${flag}"\n${usage}`);
    }
  }
  return options;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** One curl line per named example of every response of every operation. */
function reviewRequests(spec: unknown, baseUrl: string): ReviewRequest[] {
  return operationsOf(spec).flatMap((operation) => {
    const url = baseUrl + expandPath(operation.pathTemplate, examplePathParams(operation));
    const body = operation.requestBody ? requestExamplesOf(operation)[0]?.value : undefined;
    const headers = [
      ...(body === undefined ? [] : ["content-type: application/json"]),
      ...securityHeadersOf(operation).map((name) => `${name}: ${reviewToken}`),
    ];
    return responsesOf(operation).flatMap(({ status, exampleName, summary }) => {
      if (exampleName === undefined) return [];
      const curl = [
        "curl -sS -X",
        operation.method.toUpperCase(),
        shellQuote(url),
        ...[`Prefer: code=${status}, example=${exampleName}`, ...headers].map(
          (header) => `-H ${shellQuote(header)}`,
        ),
        ...(body === undefined ? [] : ["--data", shellQuote(JSON.stringify(body))]),
      ].join(" ");
      const { operationId } = operation;
      return [{ operationId, status, example: exampleName, summary: summary ?? "", curl }];
    });
  });
}

function formatReviewRequests(requests: readonly ReviewRequest[]): string {
  return requests
    .map(({ operationId, status, example, summary, curl }) => {
      const title = `# ${operationId} ${status} ${example}${summary ? ` — ${summary}` : ""}`;
      return `${title}\n${curl}`;
    })
    .join("\n\n");
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const spec = loadSpec();
  // Build the lines before starting Prism, so a spec they cannot be made from
  // fails fast instead of leaving a mock nobody was told how to call.
  const port = options.port ?? (await freePort(options.host));
  const requests = reviewRequests(spec, `http://${options.host}:${port}`);
  const mock = await startMock({ host: options.host, port });
  console.log(`Prism is mocking ${specPath} at ${mock.url}\n`);
  console.log(formatReviewRequests(requests));
  console.log(`\n${requests.length} requests above. Press Ctrl-C to stop the mock.`);
}

main().catch((error: unknown) => {
  // SpecDocumentError: the spec lacks what a line needs (an example, a path parameter value…).
  const known = error instanceof MockCliUsageError || error instanceof SpecDocumentError;
  console.error(known ? `pnpm mock: ${error.message}` : error);
  process.exit(known ? 2 : 1);
});

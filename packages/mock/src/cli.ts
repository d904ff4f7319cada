// `pnpm mock`: the mock on the spec for a reviewer to try by hand. It prints one
// ready-to-paste curl line per documented response, read from the spec, so
// every success and every DingTalk error code can be provoked with
// `Prefer: code=…, example=…` without knowing Prism's conventions.
import { loadSpec, SpecDocumentError, specPath } from "@dingtalk-conference/spec/document";
import { MockCliUsageError, parseMockCliOptions, usage } from "./cli-options.js";
import { curlCommand, requestFor } from "./documented-requests.js";
import {
  describeResponse,
  documentedResponses,
  UnaskableResponseError,
} from "./documented-responses.js";
import { startMock } from "./start-mock.js";

async function main(): Promise<void> {
  const options = parseMockCliOptions(process.argv.slice(2));
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

// pnpm review [<git-ref>] [--port <1-65535>]: the mock, and one loopback page
// with the spec's changes against the ref, its documented responses, and its
// reference with a try-it console that sends to the mock.
import { UnaskableResponseError } from "@dingtalk-conference/mock";
import { ChangesetReadError } from "@dingtalk-conference/release-plan";
import { GitQueryError, SpecReadError } from "@dingtalk-conference/spec/compare";
import { SpecDocumentError } from "@dingtalk-conference/spec/document";
import { readOptions, usage } from "./cli-options.js";
import { PortInUseError, PortNotPermittedError, ReviewUsageError } from "./errors.js";
import { startReview } from "./review.js";

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (options.help) {
    console.log(usage);
    return;
  }
  const review = await startReview({
    cwd: process.cwd(),
    ref: options.ref,
    port: options.port,
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      void review.stop().then(() => process.exit(0));
    });
  }
  console.log(`Review page: ${review.url}`);
  console.log(`Mock (Prism) its console sends to: ${review.mockUrl}`);
  console.log("Press Ctrl-C to stop both.");
}

main().catch((error: unknown) => {
  const known = [
    ReviewUsageError,
    PortInUseError,
    PortNotPermittedError,
    GitQueryError,
    SpecReadError,
    SpecDocumentError,
    UnaskableResponseError,
    ChangesetReadError,
  ];
  if (known.some((type) => error instanceof type)) {
    console.error(`pnpm review: ${(error as Error).message.split("\n")[0]}`);
    process.exit(2);
  }
  // Anything else is a bug here, not a misuse: its stack helps whoever fixes it.
  console.error(error);
  process.exit(1);
});

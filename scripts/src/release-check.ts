// pnpm release:check [<base-ref>]: the release gate as a command. Exit 0 when
// it passes, 1 when a changeset is missing, 2 with one line on a misuse.
import { ChangesetReadError } from "@dingtalk-conference/release-plan";
import { ReleaseCheckError, releaseCheck } from "./release-gate.js";

releaseCheck(process.argv.slice(2), process.cwd(), console).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Anything but a known failure is a bug here: its stack helps whoever fixes it.
    const known = error instanceof ReleaseCheckError || error instanceof ChangesetReadError;
    console.error(known ? `release:check: ${error.message}` : error);
    process.exit(2);
  },
);

// pnpm spec:diff as a command: exit 0 or 1 as the diff decides, 2 with one
// line on a misuse, an unknown ref, a spec or a changeset that cannot be read.
import { ChangesetReadError } from "@dingtalk-conference/release-plan";
import { GitQueryError, SpecReadError } from "../src/compare.js";
import { SpecDiffError, specDiff } from "../src/spec-diff.js";

// pnpm runs this in spec/; INIT_CWD is where the user typed the command.
specDiff(process.argv.slice(2), process.cwd(), process.env.INIT_CWD ?? process.cwd(), console).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = [SpecDiffError, GitQueryError, SpecReadError, ChangesetReadError].some(
      (type) => error instanceof type,
    );
    // Anything else is a bug here, not a misuse: its stack helps whoever fixes it.
    console.error(known ? `spec:diff: ${(error as Error).message}` : error);
    process.exit(2);
  },
);

// pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]
// Compares spec/openapi.yaml at a ref with the working tree, prints the
// breaking-change report, writes it as Markdown, and fails on a breaking change
// that no changeset added by this change announces as a major bump of the client.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { type Output, readCommandLine } from "@dingtalk-conference/command-line";
import { announces, plannedReleases } from "@dingtalk-conference/release-plan";
import {
  bumpFor,
  clientPackage,
  compareSpecs,
  repoRoot,
  reviewBase,
  specAtRef,
  specFile,
  specInWorkingTree,
} from "./compare.js";
import { changesetSuggestion, formatMarkdown, formatTable, summarize } from "./report.js";

const usage = "usage: pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]";

/** spec:diff was called wrongly: exit 2, one line. */
export class SpecDiffError extends Error {
  override readonly name = "SpecDiffError";
}

function optionsOf(args: readonly string[]) {
  const { values, positional } = readCommandLine(args, {
    usage,
    UsageError: SpecDiffError,
    positional: "git ref",
    options: { markdown: { type: "string" }, "write-changeset": { type: "boolean" } },
  });
  return {
    ref: positional,
    markdown: values.markdown,
    writeChangeset: !!values["write-changeset"],
  };
}

/**
 * Runs spec:diff in the repository holding `cwd`; `userCwd` is where the user
 * typed the command, which the paths it prints and takes are relative to.
 * Returns the exit code: 0 no unannounced breaking change, 1 one or more.
 */
export async function specDiff(
  args: readonly string[],
  cwd: string,
  userCwd: string,
  out: Output,
): Promise<number> {
  const options = optionsOf(args);
  const root = await repoRoot(cwd);
  const base = await reviewBase(root, options.ref);
  const before = await specAtRef(root, base.ref);
  const after = await specInWorkingTree(root);
  const changes = compareSpecs(before, after);

  out.log(`${specFile} compared with ${base.note}: ${summarize(changes)}\n`);
  out.log(formatTable(changes));

  const markdownFile = options.markdown
    ? resolve(userCwd, options.markdown)
    : join(root, "spec", "test-artifacts", "spec-diff.md");
  await mkdir(dirname(markdownFile), { recursive: true });
  await writeFile(markdownFile, formatMarkdown(changes, base.note));
  out.log(`\nMarkdown for the pull request: ${relative(userCwd, markdownFile)}`);

  if (options.writeChangeset && changes.length > 0) {
    const suggestion = changesetSuggestion(changes);
    const id = createHash("sha256").update(suggestion).digest("hex").slice(0, 8);
    const file = join(root, ".changeset", `spec-diff-${id}.md`);
    await writeFile(file, suggestion);
    out.log(
      `Changeset written: ${relative(userCwd, file)} (edit its summary as you see fit, and git add it)`,
    );
  }

  const breaking = changes.filter((change) => change.kind === "breaking").length;
  if (breaking === 0) return 0;
  // The release the changesets this change adds plan, as `changeset status --since` plans it.
  const announced = announces(
    (await plannedReleases(root, base.ref)).get(clientPackage),
    bumpFor.breaking,
  );
  if (announced) {
    out.log(
      `\n${breaking} breaking change(s), announced by a major changeset of ${clientPackage} this change adds.`,
    );
    return 0;
  }
  out.error(
    `\n✖ ${breaking} breaking change(s) and no changeset this change adds bumps ${clientPackage} by major.\n` +
      "  Either make the change compatible, or announce it: pnpm spec:diff --write-changeset\n" +
      "  (or pnpm changeset, choosing major for the client), and git add the changeset.",
  );
  return 1;
}

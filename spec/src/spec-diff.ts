// pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]
// Compares spec/openapi.yaml at a ref with the working tree, prints the
// breaking-change report, writes it as Markdown, and fails on a breaking change
// that no changeset added by this change announces as a major bump of the client.
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  compareSpecs,
  repoRoot,
  reviewBase,
  specAtRef,
  specFile,
  specInWorkingTree,
} from "./compare.js";
import {
  changesetSuggestion,
  clientPackage,
  formatMarkdown,
  formatTable,
  summarize,
} from "./report.js";

const usage = "usage: pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]";

/** spec:diff was called wrongly, or cannot read the changesets: exit 2, one line. */
export class SpecDiffError extends Error {
  override readonly name = "SpecDiffError";
}

/** Where the report goes: the console, or a test's buffer. */
export type Output = Pick<Console, "log" | "error">;

const firstLine = (error: unknown) =>
  String(error instanceof Error ? error.message : error).split("\n", 1)[0] as string;

function optionsOf(args: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { markdown: { type: "string" }, "write-changeset": { type: "boolean" } },
    });
    if (positionals.length > 1) throw new Error(`one git ref at most, got ${positionals.length}`);
    return {
      ref: positionals[0],
      markdown: values.markdown,
      writeChangeset: !!values["write-changeset"],
    };
  } catch (error) {
    // parseArgs names the culprit in its first sentence: "Unknown option '--colour'".
    throw new SpecDiffError(`${firstLine(error).split(". ", 1)[0]} (${usage})`);
  }
}

/**
 * Runs spec:diff in the repository holding `cwd`; `userCwd` is where the user
 * typed the command, which the paths it prints and takes are relative to.
 * Returns the exit code: 0 no unannounced breaking change, 1 one or more.
 */
export async function specDiff(
  args: string[],
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
  // The changesets this change adds, as `changeset status --since` counts them:
  // those git knows. Loaded only here: it is most of the command's start-up.
  const { default: readChangesets } = await import("@changesets/read");
  const added = await readChangesets(root, base.ref).catch((error: unknown) => {
    throw new SpecDiffError(`cannot read the changesets in .changeset/: ${firstLine(error)}`);
  });
  const announced = added.some((changeset) =>
    changeset.releases.some((r) => r.name === clientPackage && r.type === "major"),
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

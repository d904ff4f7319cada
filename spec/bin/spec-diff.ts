// pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]
// Compares spec/openapi.yaml at a ref with the working tree, prints the
// breaking-change report, writes it as Markdown, and fails on a breaking change
// that no changeset added by this change announces as a major bump of the client.
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";
import { bumpOf, changesetsAddedBy } from "../src/changesets.js";
import { compareSpecs } from "../src/compare-specs.js";
import {
  ChangesetReadError,
  GitQueryError,
  ReviewUsageError,
  SpecReadError,
} from "../src/errors.js";
import {
  changedFilesSince,
  defaultBaseRef,
  explicitBaseRef,
  fileAtRef,
  repoRoot,
} from "../src/git.js";
import { clientPackage, specFile } from "../src/release-facts.js";
import { changesetSuggestion, formatMarkdown, formatTable, summarize } from "../src/report.js";
import { runReviewCommand } from "../src/review-command.js";

const usage = "usage: pnpm spec:diff [<git-ref>] [--markdown <file>] [--write-changeset]";

interface Options {
  ref?: string;
  markdown?: string;
  writeChangeset: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { writeChangeset: false };
  const args = argv.filter((arg) => arg !== "--");
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--write-changeset") options.writeChangeset = true;
    else if (arg === "--markdown") {
      const file = args[++i];
      if (!file || file.startsWith("--"))
        throw new ReviewUsageError(`--markdown needs a file\n${usage}`);
      options.markdown = file;
    } else if (arg.startsWith("--"))
      throw new ReviewUsageError(`unknown option "${arg}"\n${usage}`);
    else if (options.ref)
      throw new ReviewUsageError(
        `one git ref at most, got "${options.ref}" and "${arg}"\n${usage}`,
      );
    else options.ref = arg;
  }
  return options;
}

function parseSpec(text: string, source: string): unknown {
  try {
    const spec = parse(text);
    if (typeof spec?.openapi !== "string") throw new Error("it has no `openapi` version field");
    return spec;
  } catch (error) {
    throw new SpecReadError(source, error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const root = await repoRoot(process.cwd());
  const base = options.ref
    ? await explicitBaseRef(root, options.ref)
    : await defaultBaseRef(root, specFile);
  const before = parseSpec(await fileAtRef(root, base.ref, specFile), `${base.ref}:${specFile}`);
  const after = parseSpec(
    await readFile(join(root, specFile), "utf8"),
    `the working tree's ${specFile}`,
  );
  const changes = compareSpecs(before, after);

  console.log(`${specFile} compared with ${base.note}: ${summarize(changes)}\n`);
  console.log(formatTable(changes));

  // pnpm runs this in spec/; a path the user typed is relative to where they typed it.
  const userCwd = process.env.INIT_CWD ?? process.cwd();
  const markdownFile = options.markdown
    ? resolve(userCwd, options.markdown)
    : join(root, "spec", "test-artifacts", "spec-diff.md");
  await mkdir(dirname(markdownFile), { recursive: true });
  await writeFile(markdownFile, formatMarkdown(changes, base.note));
  console.log(`\nMarkdown for the pull request: ${relative(userCwd, markdownFile)}`);

  if (options.writeChangeset && changes.length > 0) {
    const suggestion = changesetSuggestion(changes);
    const id = createHash("sha256").update(suggestion).digest("hex").slice(0, 8);
    const file = join(root, ".changeset", `spec-diff-${id}.md`);
    await writeFile(file, suggestion);
    console.log(`Changeset written: ${relative(userCwd, file)} (edit its summary as you see fit)`);
  }

  const breaking = changes.filter((change) => change.kind === "breaking").length;
  if (breaking === 0) return 0;
  const added = await changesetsAddedBy(root, await changedFilesSince(root, base.ref));
  if (bumpOf(added, clientPackage).includes("major")) {
    console.log(
      `\n${breaking} breaking change(s), announced by a major changeset of ${clientPackage} this change adds.`,
    );
    return 0;
  }
  console.error(
    `\n✖ ${breaking} breaking change(s) and no changeset this change adds bumps ${clientPackage} by major.\n` +
      "  Either make the change compatible, or announce it: pnpm spec:diff --write-changeset\n" +
      "  (or pnpm changeset, choosing major for the client).",
  );
  return 1;
}

runReviewCommand("spec:diff", main, [
  ReviewUsageError,
  GitQueryError,
  SpecReadError,
  ChangesetReadError,
]);

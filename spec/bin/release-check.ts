// pnpm release:check [<base-ref>]
// Says which workspace packages a change touches and fails when it reaches a
// published package (anything it ships: source, generated types, package.json,
// scripts) without a changeset that this change adds and that bumps the package.
import { bumpOf, changesetsAddedBy } from "../src/changesets.js";
import { ChangesetReadError, GitQueryError, ReviewUsageError } from "../src/errors.js";
import { changedFilesSince, repoRoot } from "../src/git.js";
import { owningPackage, reachedPackage, workspacePackages } from "../src/release-facts.js";
import { runReviewCommand } from "../src/review-command.js";

const usage = "usage: pnpm release:check [<base-ref>]   e.g. pnpm release:check origin/main";

/** A few names, then how many more: a long branch would otherwise bury the verdict. */
const listed = (names: readonly string[]) =>
  names.length > 3
    ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`
    : names.join(", ");

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((arg) => arg !== "--");
  const unknown = args.find((arg) => arg.startsWith("-"));
  if (unknown || args.length > 1) {
    throw new ReviewUsageError(
      `${unknown ? `unknown option "${unknown}"` : "one base ref at most"}\n${usage}`,
    );
  }
  const [base] = args;
  if (!base) {
    console.log(
      "release:check needs the base the change will merge into, to know what changed;\n" +
        `none given, so nothing is checked. ${usage}`,
    );
    return 0;
  }

  const root = await repoRoot(process.cwd());
  const files = await changedFilesSince(root, base);
  const packages = await workspacePackages(root);

  const byPackage = new Map<string, string[]>();
  for (const file of files) {
    const owner = owningPackage(packages, file);
    byPackage.set(owner, [...(byPackage.get(owner) ?? []), file]);
  }
  console.log(`Changes since ${base} touch ${byPackage.size} package(s):`);
  for (const [name, owned] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${name}: ${listed(owned)}`);
  }

  const changesets = await changesetsAddedBy(root, files);

  const reached = new Map<string, string[]>();
  for (const file of files) {
    const reach = reachedPackage(packages, file);
    if (reach) reached.set(reach.name, [...(reached.get(reach.name) ?? []), reach.because]);
  }
  if (reached.size === 0) {
    console.log("\nNo published package is reached: no changeset needed.");
    return 0;
  }
  let missing = 0;
  console.log("\nPublished packages this change reaches:");
  for (const [name, because] of reached) {
    const bumps = bumpOf(changesets, name).filter((bump) => bump !== "none");
    if (bumps.length > 0)
      console.log(`  ✔ ${name} (${listed(because)}): changeset bumps it ${bumps.join(", ")}`);
    else {
      missing++;
      console.log(`  ✖ ${name} (${listed(because)}): no changeset in this change bumps it`);
    }
  }
  if (missing === 0) return 0;
  console.error(
    "\nAdd a changeset: pnpm changeset (or, for a spec change, pnpm spec:diff --write-changeset,\n" +
      "whose summary names the spec diff).",
  );
  return 1;
}

runReviewCommand("release:check", main, [ReviewUsageError, GitQueryError, ChangesetReadError]);

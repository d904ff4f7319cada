// The release gate: which workspace packages a change touches, and whether
// every published package it reaches comes with a changeset, added by this
// change, that bumps it.
//
// What changed is decided by the piece `changeset status --since=<ref>` is
// built on (@changesets/git), and what the added changesets bump by the release
// plan the command makes (@dingtalk-conference/release-plan), so the two always
// agree. The command's own verdict is not enough: it fails only when a change
// adds no changeset at all, whatever it bumps, and counts an edit to a test or
// a README as a change to ship.

import { getChangedFilesSince } from "@changesets/git";
import { firstLine, type Output, readCommandLine } from "@dingtalk-conference/command-line";
import { plannedReleases } from "@dingtalk-conference/release-plan";
import { getPackages } from "@manypkg/get-packages";
import { groupFiles, owningPackage, reachedPackage, workspacePackagesOf } from "./release-scope.js";

const usage = "usage: pnpm release:check [<base-ref>]   e.g. pnpm release:check origin/main";

/** A failure the gate knows (a bad option or ref): exit 2, one line. */
export class ReleaseCheckError extends Error {
  override readonly name = "ReleaseCheckError";
}

/** A few names, then how many more: a long branch would otherwise bury the verdict. */
const listed = (names: readonly string[]) =>
  names.length > 3
    ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`
    : names.join(", ");

/** Runs the gate in the workspace holding `cwd`; the exit code: 0 pass, 1 a changeset is missing. */
export async function releaseCheck(
  args: readonly string[],
  cwd: string,
  out: Output,
): Promise<number> {
  const { positional: base } = readCommandLine(args, {
    usage,
    UsageError: ReleaseCheckError,
    positional: "base ref",
    options: {},
  });
  if (!base) {
    out.log(
      "release:check needs the base the change will merge into, to know what changed;\n" +
        `none given, so nothing is checked. ${usage}`,
    );
    return 0;
  }

  const workspace = await getPackages(cwd);
  const root = workspace.root.dir;
  const packages = workspacePackagesOf(workspace);
  const files = await getChangedFilesSince({ cwd: root, ref: base }).catch((error: unknown) => {
    throw new ReleaseCheckError(firstLine(error));
  });

  const touched = groupFiles(files, (file) => owningPackage(packages, file));
  out.log(`Changes since ${base} touch ${touched.size} package(s):`);
  for (const [name, owned] of [...touched].sort(([a], [b]) => a.localeCompare(b))) {
    out.log(`  ${name}: ${listed(owned)}`);
  }

  const reached = groupFiles(files, (file) => reachedPackage(packages, file));
  if (reached.size === 0) {
    out.log("\nNo published package is reached: no changeset needed.");
    return 0;
  }
  const planned = await plannedReleases(root, base);
  let missing = 0;
  out.log("\nPublished packages this change reaches:");
  for (const [name, because] of reached) {
    const bump = planned.get(name)?.bump ?? "none";
    if (bump !== "none") {
      out.log(`  ✔ ${name} (${listed(because)}): changeset bumps it ${bump}`);
    } else {
      missing++;
      out.log(`  ✖ ${name} (${listed(because)}): no changeset in this change bumps it`);
    }
  }
  if (missing === 0) return 0;
  out.error(
    "\nAdd a changeset: pnpm changeset (or, for a spec change, pnpm spec:diff --write-changeset,\n" +
      "whose summary names the spec diff), and git add it: changesets counts what git knows.",
  );
  return 1;
}

// What the changesets a change adds plan to release: the plan that
// `changeset status --since=<ref> --output=<file>` writes, made in this process
// by the library the command calls (@changesets/get-release-plan), without a
// second Node process, a temporary file, or the command's exit 1 for "no
// changeset at all", which is a verdict each caller makes for itself.

import { firstLine } from "@dingtalk-conference/command-line";

export type Bump = "major" | "minor" | "patch";

/** What the changesets added since a ref plan for one package. */
export interface PlannedRelease {
  /** The highest bump they plan for it; "none" when a changeset names it with `none`. */
  bump: Bump | "none";
  /** The changeset files (ids, without `.md`) that plan it. */
  changesets: string[];
}

/** changesets could not read the workspace, its config or a changeset: the message is one line. */
export class ChangesetReadError extends Error {
  override readonly name = "ChangesetReadError";
}

/**
 * The release of each package, by name, that the changesets git knows as
 * added since `ref` plan in the workspace whose root is `root`: those
 * committed, staged or modified since; an untracked one counts once added.
 */
export async function plannedReleases(
  root: string,
  ref: string,
): Promise<Map<string, PlannedRelease>> {
  // Loaded on first use: it is most of a command's start-up, and most runs never ask.
  const { default: getReleasePlan } = await import("@changesets/get-release-plan");
  const plan = await getReleasePlan(root, ref).catch((error: unknown) => {
    // changesets' parse errors go on to quote the whole file.
    throw new ChangesetReadError(`cannot read the changesets in .changeset/: ${firstLine(error)}`);
  });
  return new Map(
    plan.releases.map((release) => [
      release.name,
      { bump: release.type, changesets: release.changesets },
    ]),
  );
}

const bumpRank: Record<PlannedRelease["bump"], number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** Whether a planned release (none when undefined) announces a change that needs at least `needed`. */
export const announces = (release: PlannedRelease | undefined, needed: Bump): boolean =>
  bumpRank[release?.bump ?? "none"] >= bumpRank[needed];

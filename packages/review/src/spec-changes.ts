// "Changes against <ref>": the spec's breaking-change comparison (the one
// spec:diff prints) between the base ref and the working tree, each change
// with whether a changeset this change adds announces it.
import { announces, type Bump, plannedReleases } from "@dingtalk-conference/release-plan";
import {
  bumpFor,
  clientPackage,
  compareSpecs,
  reviewBase,
  type SpecChange,
  specAtRef,
} from "@dingtalk-conference/spec/compare";

export interface ReviewedChange extends SpecChange {
  /** The bump of the client a change of this kind calls for. */
  needs: Bump;
  /** The changesets added since the base that announce it; empty when none does. */
  coveredBy: string[];
}

export interface ChangesReport {
  /** What the spec is compared with, e.g. "the merge base with main (1c62924)". */
  against: string;
  changes: ReviewedChange[];
}

/**
 * The changes from the spec at `ref` (default: where this branch left main) to
 * `workingTreeSpec`, in the repository `root`, as the review page lists them.
 */
export async function changesAgainst(
  root: string,
  workingTreeSpec: unknown,
  ref?: string,
): Promise<ChangesReport> {
  const base = await reviewBase(root, ref);
  const changes = compareSpecs(await specAtRef(root, base.ref), workingTreeSpec);
  const release =
    changes.length > 0 ? (await plannedReleases(root, base.ref)).get(clientPackage) : undefined;
  return {
    against: base.note,
    changes: changes.map((change) => {
      const needs = bumpFor[change.kind];
      const covered = release !== undefined && announces(release, needs);
      return { ...change, needs, coveredBy: covered ? release.changesets : [] };
    }),
  };
}

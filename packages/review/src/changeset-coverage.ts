// Whether the changesets a change adds announce its spec changes: the release
// they plan for one package, as `changeset status --since=<ref>` plans it.
import {
  ChangesetReadError,
  type PlannedRelease,
  plannedReleases,
} from "@dingtalk-conference/release-plan";
import { ChangesetStatusError } from "./errors.js";

export { announces, type Bump, type PlannedRelease } from "@dingtalk-conference/release-plan";

/** The release of `packageName` that the changesets added between `ref` and the working tree plan. */
export async function plannedRelease(
  root: string,
  ref: string,
  packageName: string,
): Promise<PlannedRelease> {
  const releases = await plannedReleases(root, ref).catch((error: unknown) => {
    // The review's command knows this failure by its own class: exit 2, one line.
    throw error instanceof ChangesetReadError ? new ChangesetStatusError(error.message) : error;
  });
  return releases.get(packageName) ?? { bump: "none", changesets: [] };
}

import readChangesets from "@changesets/read";

export type BumpType = "major" | "minor" | "patch" | "none";

export interface PendingChangeset {
  /** File name without `.md`, as changesets names it. */
  id: string;
  summary: string;
  releases: { name: string; type: BumpType }[];
}

/** The changesets waiting in `.changeset/` of the working tree. */
export async function pendingChangesets(root: string): Promise<PendingChangeset[]> {
  return (await readChangesets(root)) as PendingChangeset[];
}

export const bumpOf = (changesets: readonly PendingChangeset[], name: string): BumpType[] =>
  changesets.flatMap((changeset) =>
    changeset.releases.filter((release) => release.name === name).map((release) => release.type),
  );

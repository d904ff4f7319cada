import { basename } from "node:path";
import readChangesets from "@changesets/read";
import { ChangesetReadError } from "./errors.js";

export type BumpType = "major" | "minor" | "patch" | "none";

export interface PendingChangeset {
  /** File name without `.md`, as changesets names it. */
  id: string;
  summary: string;
  releases: { name: string; type: BumpType }[];
}

/** The changesets waiting in `.changeset/` of the working tree. */
export async function pendingChangesets(root: string): Promise<PendingChangeset[]> {
  try {
    return (await readChangesets(root)) as PendingChangeset[];
  } catch (error) {
    // changesets' own message quotes the whole file after its first line; the first line says what is wrong.
    const [reason = "unknown error"] = String((error as Error)?.message ?? error).split("\n");
    throw new ChangesetReadError(reason);
  }
}

export const bumpOf = (changesets: readonly PendingChangeset[], name: string): BumpType[] =>
  changesets.flatMap((changeset) =>
    changeset.releases.filter((release) => release.name === name).map((release) => release.type),
  );

/**
 * The pending changesets a change adds, given the files it changes (paths from
 * the repository root). One left over from earlier work announces that work,
 * not this one.
 */
export async function changesetsAddedBy(
  root: string,
  changedFiles: readonly string[],
): Promise<PendingChangeset[]> {
  const added = new Set(
    changedFiles
      .filter((file) => /^\.changeset\/.+\.md$/.test(file) && basename(file) !== "README.md")
      .map((file) => basename(file, ".md")),
  );
  return (await pendingChangesets(root)).filter((changeset) => added.has(changeset.id));
}

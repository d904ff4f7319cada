// What a change reaches: the workspace packages its files belong to, and the
// published packages whose users will see it.
import { relative, sep } from "node:path";
import type { Packages } from "@manypkg/get-packages";

export interface WorkspacePackage {
  name: string;
  /** Folder relative to the repository root, with forward slashes; "" for the root. */
  dir: string;
  published: boolean;
}

/** The workspace's packages as @manypkg/get-packages (changesets' own reader) finds them. */
export function workspacePackagesOf({ root, packages }: Packages): WorkspacePackage[] {
  return packages.map((pkg) => ({
    name: pkg.packageJson.name,
    dir: relative(root.dir, pkg.dir).split(sep).join("/"),
    published: pkg.packageJson.private !== true,
  }));
}

/** The package a file belongs to: the one with the deepest folder containing it, or the root. */
export function owningPackage(packages: readonly WorkspacePackage[], file: string): string {
  const owners = packages
    .filter((pkg) => pkg.dir !== "" && file.startsWith(`${pkg.dir}/`))
    .sort((a, b) => b.dir.length - a.dir.length);
  return owners[0]?.name ?? "(repository root)";
}

/** Files of a published package that do not ship: its tests and its prose (README, CHANGELOG). */
const isShipped = (pathInPackage: string) =>
  !pathInPackage.startsWith("test/") && !pathInPackage.endsWith(".md");

/**
 * The published package whose users a file reaches, or undefined: anything
 * of that package but its tests and Markdown (source, package.json, build and
 * generate scripts). A spec change reaches the client through the files it
 * generates: one that changes no generated file (an example, a description)
 * needs no changeset, and one that does is caught by those files.
 */
export function reachedPackage(
  packages: readonly WorkspacePackage[],
  file: string,
): string | undefined {
  const pkg = packages.find((p) => p.published && p.dir !== "" && file.startsWith(`${p.dir}/`));
  return pkg && isShipped(file.slice(pkg.dir.length + 1)) ? pkg.name : undefined;
}

/** `files` grouped by what `keyOf` says of each, leaving out those it says nothing of. */
export function groupFiles(
  files: readonly string[],
  keyOf: (file: string) => string | undefined,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const key = keyOf(file);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  return groups;
}

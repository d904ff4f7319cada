// What a change reaches: the workspace packages its files belong to, and the
// published packages whose users will see it.
import { relative, sep } from "node:path";
import { getPackages } from "@manypkg/get-packages";

/** The published client; its types are generated from the spec. */
export const clientPackage = "@dingtalk-conference/client";
/** The spec file, relative to the repository root. */
export const specFile = "spec/openapi.yaml";

export interface WorkspacePackage {
  name: string;
  /** Folder relative to the repository root, with forward slashes. */
  dir: string;
  published: boolean;
}

export async function workspacePackages(root: string): Promise<WorkspacePackage[]> {
  const { packages } = await getPackages(root);
  return packages.map((pkg) => ({
    name: pkg.packageJson.name,
    dir: relative(root, pkg.dir).split(sep).join("/"),
    published: (pkg.packageJson as { private?: boolean }).private !== true,
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
): { name: string; because: string } | undefined {
  const pkg = packages.find((p) => p.published && file.startsWith(`${p.dir}/`));
  return pkg && isShipped(file.slice(pkg.dir.length + 1))
    ? { name: pkg.name, because: file }
    : undefined;
}

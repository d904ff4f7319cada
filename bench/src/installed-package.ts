import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  files?: string[];
  bin?: string | Record<string, string>;
}

export function readPackageJson(dir: string): PackageJson {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

/**
 * Node's lookup of `name` from `fromDir` (each ancestor's node_modules), done on
 * the file system so a package whose `exports` hides package.json is still found.
 */
export function findPackageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (basename(dir) !== "node_modules") {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    }
    if (dirname(dir) === dir)
      throw new Error(`package ${name} is not installed (looked up from ${fromDir})`);
  }
}

/** Every package `dir` needs at run time, itself excluded: the transitive closure of its dependencies. */
export function runtimeDependencies(dir: string): string[] {
  const seen = new Set<string>();
  const visit = (from: string): void => {
    const manifest = readPackageJson(from);
    const names = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
    for (const name of names) {
      let found: string;
      try {
        found = findPackageDir(name, from);
      } catch (error) {
        // An optional dependency for another platform is legitimately absent.
        if (name in (manifest.optionalDependencies ?? {})) continue;
        throw error;
      }
      if (seen.has(found)) continue;
      seen.add(found);
      visit(found);
    }
  };
  visit(realpathSync(dir));
  return [...seen];
}

function sizeOf(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  let total = 0;
  for (const entry of readdirSync(path)) {
    if (entry !== "node_modules") total += sizeOf(join(path, entry));
  }
  return total;
}

/**
 * Bytes a registry install of the package would put on disk: a package from the
 * registry is already its published file set; a workspace package is counted
 * through its `files` list (plus package.json, README and LICENSE, which npm always packs).
 */
export function installedSize(dir: string): number {
  const manifest = readPackageJson(dir);
  if (!manifest.files) return sizeOf(dir);
  const always = readdirSync(dir).filter((entry) =>
    /^(package\.json|readme|license|licence)/i.test(entry),
  );
  const entries = new Set([...always, ...manifest.files]);
  let total = 0;
  for (const entry of entries) if (existsSync(join(dir, entry))) total += sizeOf(join(dir, entry));
  return total;
}

/** A package with everything it pulls in at run time: how many packages, how many bytes. */
export function installFootprint(dir: string): { dependencies: number; bytes: number } {
  const dependencies = runtimeDependencies(dir);
  return {
    dependencies: dependencies.length,
    bytes: [dir, ...dependencies].reduce((sum, each) => sum + installedSize(each), 0),
  };
}

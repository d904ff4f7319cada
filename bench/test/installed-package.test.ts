import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  findPackageDir,
  installedSize,
  installFootprint,
  runtimeDependencies,
} from "../src/installed-package.js";

let root: string;

function writePackage(dir: string, manifest: object, files: Record<string, string> = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "bench-pkg-"));
  // app → a (hoisted), @scope/b (hoisted); a → c (nested under a); b → a (shared); app ⇢ missing optional.
  writePackage(
    join(root, "app"),
    {
      name: "app",
      dependencies: { a: "1", "@scope/b": "1" },
      optionalDependencies: { "not-for-this-platform": "1" },
      files: ["dist"],
    },
    {
      "dist/index.js": "x".repeat(100),
      "src/index.ts": "y".repeat(1000),
      "README.md": "z".repeat(10),
    },
  );
  writePackage(
    join(root, "node_modules", "a"),
    { name: "a", dependencies: { c: "1" } },
    { "index.js": "a".repeat(50) },
  );
  writePackage(
    join(root, "node_modules", "a", "node_modules", "c"),
    { name: "c" },
    { "index.js": "c".repeat(20) },
  );
  writePackage(
    join(root, "node_modules", "@scope", "b"),
    { name: "@scope/b", dependencies: { a: "1" } },
    { "index.js": "b".repeat(30) },
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("findPackageDir", () => {
  it("looks a package up through each ancestor's node_modules, as Node does", () => {
    expect(findPackageDir("a", join(root, "app"))).toBe(join(root, "node_modules", "a"));
    expect(findPackageDir("c", join(root, "node_modules", "a"))).toBe(
      join(root, "node_modules", "a", "node_modules", "c"),
    );
    expect(findPackageDir("@scope/b", join(root, "app"))).toBe(
      join(root, "node_modules", "@scope", "b"),
    );
  });

  it("says which package is missing and from where it was looked up", () => {
    expect(() => findPackageDir("nowhere", join(root, "app"))).toThrow(
      /package nowhere is not installed \(looked up from .*app\)/,
    );
  });
});

describe("runtimeDependencies", () => {
  it("is the transitive closure, each package once, without absent optional ones", () => {
    expect(runtimeDependencies(join(root, "app")).sort()).toEqual(
      [
        join(root, "node_modules", "@scope", "b"),
        join(root, "node_modules", "a"),
        join(root, "node_modules", "a", "node_modules", "c"),
      ].sort(),
    );
  });
});

describe("installedSize", () => {
  it("counts a package's `files` plus package.json and README, not its sources", () => {
    const manifestBytes = JSON.stringify({
      name: "app",
      dependencies: { a: "1", "@scope/b": "1" },
      optionalDependencies: { "not-for-this-platform": "1" },
      files: ["dist"],
    }).length;
    expect(installedSize(join(root, "app"))).toBe(100 + 10 + manifestBytes);
  });

  it("counts everything but nested node_modules when there is no `files` list", () => {
    const a = join(root, "node_modules", "a");
    expect(installedSize(a)).toBe(
      50 + JSON.stringify({ name: "a", dependencies: { c: "1" } }).length,
    );
  });

  it("adds up a package and its dependencies in installFootprint", () => {
    const footprint = installFootprint(join(root, "app"));
    expect(footprint.dependencies).toBe(3);
    const parts = [join(root, "app"), ...runtimeDependencies(join(root, "app"))].map(installedSize);
    expect(footprint.bytes).toBe(parts.reduce((sum, size) => sum + size, 0));
  });
});

// The changesets committed in this repository must be readable by changesets
// itself, and bump only packages that are published: a broken one would only
// surface at release time.
import { fileURLToPath } from "node:url";
import readChangesets from "@changesets/read";
import { getPackages } from "@manypkg/get-packages";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

describe("the repository's pending changesets", () => {
  it("are readable, and each bumps only published packages", async () => {
    const { packages } = await getPackages(repoRoot);
    const published = packages
      .filter((pkg) => pkg.packageJson.private !== true)
      .map((pkg) => pkg.packageJson.name);
    expect(published.length).toBeGreaterThan(0);
    for (const { id, releases } of await readChangesets(repoRoot)) {
      expect(releases.length, `${id} bumps nothing`).toBeGreaterThan(0);
      for (const { name } of releases) expect(published, id).toContain(name);
    }
  });
});

// The changesets committed in this repository must be readable by changesets
// itself, and bump only packages that are published: a broken one would only
// surface at release time.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { pendingChangesets } from "../src/changesets.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const publishedPackages = ["packages/client"].map(
  (dir) => JSON.parse(readFileSync(join(repoRoot, dir, "package.json"), "utf8")).name as string,
);

describe("the repository's pending changesets", () => {
  it("are readable, and each bumps only published packages", async () => {
    const changesets = await pendingChangesets(repoRoot);
    for (const { id, releases } of changesets) {
      expect(releases.length, `${id} bumps nothing`).toBeGreaterThan(0);
      for (const { name } of releases) expect(publishedPackages, id).toContain(name);
    }
  });
});

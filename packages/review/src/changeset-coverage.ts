// Whether the changesets a change adds announce its spec changes, as
// changesets itself plans the release (`changeset status --since=<ref>`).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ChangesetStatusError } from "./errors.js";

const run = promisify(execFile);
const changesetBin = createRequire(import.meta.url).resolve("@changesets/cli/bin.js");

export type Bump = "major" | "minor" | "patch";

const bumpRank: Record<Bump | "none", number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** What the changesets added since a ref plan for one package. */
export interface PlannedRelease {
  /** The highest bump they plan for it; "none" when no changeset names it. */
  bump: Bump | "none";
  /** The changeset files (ids, without `.md`) that plan it. */
  changesets: string[];
}

interface ReleasePlan {
  releases: { name: string; type: Bump | "none"; changesets: string[] }[];
}

/**
 * The release of `packageName` that the changesets added between `ref` and the
 * working tree plan, read from `changeset status --since=<ref> --output=<file>`.
 */
export async function plannedRelease(
  root: string,
  ref: string,
  packageName: string,
): Promise<PlannedRelease> {
  const dir = await mkdtemp(join(tmpdir(), "review-changesets-"));
  const output = join(dir, "release-plan.json");
  try {
    await run(process.execPath, [changesetBin, "status", `--since=${ref}`, `--output=${output}`], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    const plan = JSON.parse(await readFile(output, "utf8")) as ReleasePlan;
    const release = plan.releases.find((candidate) => candidate.name === packageName);
    return { bump: release?.type ?? "none", changesets: release?.changesets ?? [] };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "");
    // changesets exits 1 when a published package changed and no changeset was added.
    if (stderr.includes("no changesets were found")) return { bump: "none", changesets: [] };
    const [firstLine = String(error)] = (stderr.trim() || String(error)).split("\n");
    throw new ChangesetStatusError(`changeset status --since=${ref} failed: ${firstLine}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Whether a planned release announces a change that needs at least `needed`. */
export const announces = (release: PlannedRelease, needed: Bump) =>
  bumpRank[release.bump] >= bumpRank[needed];

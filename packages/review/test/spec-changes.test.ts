// The changes panel's data: the comparison spec:diff makes, and whether the
// changesets this change adds (as `changeset status --since` counts them)
// announce each change with a large enough bump of the client. The browser
// test sees a breaking change no changeset covers.
import { announces, type PlannedRelease } from "@dingtalk-conference/release-plan";
import { changeset } from "@dingtalk-conference/scratch-repo";
import { specInWorkingTree } from "@dingtalk-conference/spec/compare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changesAgainst } from "../src/spec-changes.js";
import {
  createReviewRepo,
  makeSuccessOptional,
  type ReviewRepo,
  successOptionalPointer,
} from "./support/scratch-repo.js";

let scratch: ReviewRepo;
beforeAll(async () => {
  scratch = await createReviewRepo();
});
afterAll(() => scratch?.remove());

const review = async (ref?: string) =>
  changesAgainst(scratch.dir, await specInWorkingTree(scratch.dir), ref);

describe("changesAgainst", () => {
  it("finds no changes while the spec is as it was at the base, default or named", async () => {
    expect(await review()).toEqual({
      against: expect.stringMatching(/^the merge base with main \([0-9a-f]{7}\)$/),
      changes: [],
    });
    expect((await review("main")).changes).toEqual([]);
  });

  it("leaves a breaking change uncovered while no changeset this change adds bumps the client", async () => {
    await scratch.editSpec(makeSuccessOptional);
    expect((await review()).changes).toEqual([
      expect.objectContaining({ kind: "breaking", needs: "major", coveredBy: [] }),
    ]);
  });

  it("names the changesets that announce a breaking change with a major bump of the client", async () => {
    await scratch.editSpec(makeSuccessOptional);
    await scratch.write(
      ".changeset/success-optional.md",
      changeset("@dingtalk-conference/client", "major", "success may be absent."),
    );
    await scratch.commitAll("make success optional, announced as major");
    expect((await review()).changes).toEqual([
      expect.objectContaining({
        kind: "breaking",
        path: successOptionalPointer,
        needs: "major",
        coveredBy: ["success-optional"],
      }),
    ]);
  });
});

describe("announces", () => {
  const planned = (bump: PlannedRelease["bump"]) => ({ bump, changesets: ["a"] });

  it("takes a bump at least as large as the change needs", () => {
    expect(announces(planned("major"), "major")).toBe(true);
    expect(announces(planned("major"), "patch")).toBe(true);
    expect(announces(planned("minor"), "minor")).toBe(true);
  });

  it("refuses a smaller bump, or none", () => {
    expect(announces(planned("minor"), "major")).toBe(false);
    expect(announces(planned("patch"), "minor")).toBe(false);
    expect(announces(planned("none"), "patch")).toBe(false);
  });
});

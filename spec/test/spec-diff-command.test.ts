// `pnpm spec:diff` end to end, in a scratch repository with real git history:
// the decisions in this process, the exit codes from the built command.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reviewBase, SpecReadError } from "../src/compare.js";
import { SpecDiffError } from "../src/spec-diff.js";
import { changeset, smallSpec as original, useScratchRepo } from "./support/scratch-repo.js";
import { mutated, type Spec } from "./support/spec-document.js";

const scratch = useScratchRepo();

const answer = (spec: Spec) =>
  spec.paths["/things/{id}"].get.responses["200"].content["application/json"].schema;
const removeSuccess = (spec: Spec) => {
  delete answer(spec).properties.success;
  answer(spec).required = [];
};
const reword = (spec: Spec) => {
  answer(spec).properties.success.description = "Whether the thing was found.";
};
const client = "@dingtalk-conference/client";

describe("pnpm spec:diff", () => {
  it("fails on a breaking change, printing a table, the same as Markdown and the changeset it needs", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.specDiff("--write-changeset");
    expect(result.stdout).toMatch(/compared with the merge base with main \([0-9a-f]{7}\)/);
    expect(result.stdout).toMatch(
      /^breaking\s+\/paths\/\S+\/responses\/200\/content\/application~1json\/schema\/properties\/success\s+\[Removed\] property `success`/m,
    );
    expect(result.stderr).toContain(`no changeset this change adds bumps ${client} by major`);
    const markdown = await readFile(
      join(scratch.repo.dir, "spec/test-artifacts/spec-diff.md"),
      "utf8",
    );
    expect(markdown).toContain("| breaking | `/paths/");
    expect(markdown).toContain(`"${client}": major`);
    expect(result.stdout).toMatch(/^Changeset written: \.changeset\/spec-diff-[0-9a-f]{8}\.md /m);
    expect(result.stdout).toContain(
      "Markdown for the pull request: spec/test-artifacts/spec-diff.md",
    );
    const [written = ""] = (await readdir(join(scratch.repo.dir, ".changeset"))).filter((f) =>
      f.startsWith("spec-diff-"),
    );
    const body = await readFile(join(scratch.repo.dir, ".changeset", written), "utf8");
    expect(body).toMatch(
      new RegExp(`^---\\n"${client}": major\\n---\\n\\nSpec change: \\d+ breaking, `),
    );
    expect(body).toContain("- breaking: [Removed] property `success`");
    // The changeset counts once git knows it, as changesets counts it.
    expect(result.code).toBe(1);
    await scratch.repo.git("add", ".changeset");
    expect((await scratch.repo.specDiff()).code).toBe(0);
  });

  it("passes a breaking change only with a major changeset of the client this change adds", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    await scratch.repo.write(".changeset/drop.md", changeset(client, "minor", "Drop success."));
    expect((await scratch.repo.specDiff()).code).toBe(1);
    await scratch.repo.write(".changeset/drop.md", changeset(client, "major", "Drop success."));
    const result = await scratch.repo.specDiff();
    expect(result.stdout).toContain(`announced by a major changeset of ${client} this change adds`);
    expect(result.code).toBe(0);
  });

  it("does not count a major changeset already pending on main", async () => {
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.write(".changeset/earlier.md", changeset(client, "major", "Earlier work."));
    await scratch.repo.commitAll("earlier work");
    await scratch.repo.git("checkout", "-q", "-b", "later");
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.specDiff();
    expect(result.stderr).toContain(`no changeset this change adds bumps ${client} by major`);
    expect(result.code).toBe(1);
  });

  it("passes a new operation and a reworded description without a changeset", async () => {
    await scratch.repo.writeSpec(
      mutated(original, (spec) => {
        reword(spec);
        spec.paths["/things/{id}"].delete = {
          ...spec.paths["/things/{id}"].get,
          operationId: "deleteThing",
        };
      }),
    );
    const result = await scratch.repo.specDiff();
    expect(result.stdout).toContain("0 breaking, 1 non-breaking, 1 annotation changes");
    expect(result.stdout).toMatch(/^non-breaking .+\[Added\] operation DELETE /m);
    expect(result.code).toBe(0);
  });

  it("reviews against the given ref's merge base, and on main against HEAD~1 or the edits", async () => {
    const { dir } = scratch.repo;
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    await scratch.repo.commitAll("drop success");
    expect((await scratch.repo.specDiff("HEAD")).stdout).toMatch(
      /compared with the merge base with HEAD \([0-9a-f]{7}\): no changes/,
    );
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.git("merge", "-q", "--ff-only", "feature");
    expect((await reviewBase(dir)).note).toBe("the previous commit (HEAD~1), because HEAD is main");
    await scratch.repo.writeSpec(original);
    expect(await reviewBase(dir)).toEqual({
      ref: "HEAD",
      note: "HEAD, because HEAD is main and the spec has edits",
    });
  });

  it("compares with where the branch left a given ref, not with what that ref gained since", async () => {
    await scratch.repo.writeSpec(mutated(original, reword));
    await scratch.repo.commitAll("reword nick");
    // Meanwhile main documents a new response field; this branch never removed it.
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.writeSpec(
      mutated(original, (spec) => {
        answer(spec).properties.note = { type: "string", description: "A note." };
      }),
    );
    await scratch.repo.commitAll("document a note");
    await scratch.repo.git("checkout", "-q", "feature");
    const result = await scratch.repo.specDiff("main");
    expect(result.stdout).toMatch(/compared with the merge base with main \([0-9a-f]{7}\)/);
    expect(result.stdout).toContain("0 breaking, 0 non-breaking, 1 annotation change");
    expect(result.code).toBe(0);
  });

  it.each([
    { args: ["main", "HEAD"], message: /^one git ref at most, got main HEAD \(usage: / },
    { args: ["--colour"], message: /^Unknown option '--colour' \(usage: / },
    // pnpm passes on the `--` of `pnpm spec:diff -- --colour`.
    { args: ["--", "--colour"], message: /^Unknown option '--colour' \(usage: / },
  ])("refuses $args, naming what is wrong", async ({ args, message }) => {
    await expect(scratch.repo.specDiff(...args)).rejects.toThrow(SpecDiffError);
    await expect(scratch.repo.specDiff(...args)).rejects.toThrow(message);
  });

  it("says which spec it cannot parse", async () => {
    await scratch.repo.write("spec/openapi.yaml", "openapi: [unclosed\n");
    const diff = scratch.repo.specDiff();
    await expect(diff).rejects.toThrow(SpecReadError);
    await expect(diff).rejects.toThrow(
      /^cannot read the spec at the working tree's spec\/openapi\.yaml: /,
    );
  });
});

describe("the built spec:diff command", () => {
  it("exits 1 on a breaking change, printing paths from where the user typed it", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.runCommand();
    expect(result.stdout).toContain(
      "Markdown for the pull request: spec/test-artifacts/spec-diff.md",
    );
    expect(result.code).toBe(1);
  });

  it.each([
    { args: ["--colour"], message: "spec:diff: Unknown option '--colour' (usage: " },
    { args: ["--markdown"], message: "spec:diff: Option '--markdown <value>' argument missing" },
    {
      args: ["no-such-ref"],
      message: 'spec:diff: "no-such-ref" is not a commit in this repository',
    },
  ])("exits 2 on $args with one line naming it", async ({ args, message }) => {
    const result = await scratch.repo.runCommand(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });
});

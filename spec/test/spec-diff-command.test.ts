// `pnpm spec:diff` end to end, in a scratch repository with real git history.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { changeset, useScratchRepo } from "./support/scratch-repo.js";
import { loadSpec, mutated, type Spec } from "./support/spec-document.js";

const original: Spec = loadSpec();
const scratch = useScratchRepo();

const removeSuccess = (spec: Spec) => {
  delete spec.components.schemas.InviteUsersResponse.properties.success;
  spec.components.schemas.InviteUsersResponse.required = [];
  delete spec.paths["/v1.0/conference/videoConferences/{conferenceId}/users/invite"].post.responses[
    "200"
  ].content["application/json"].examples.success.value.success;
};
const client = "@dingtalk-conference/client";

describe("pnpm spec:diff", () => {
  it("fails on a breaking change, printing a table and writing the same as Markdown", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.run("spec-diff");
    expect(result.code).toBe(1);
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
  });

  it("passes a breaking change that a pending changeset announces as major", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    await scratch.repo.write(
      ".changeset/drop-success.md",
      changeset(client, "major", "Drop success."),
    );
    const result = await scratch.repo.run("spec-diff");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`announced by a major changeset of ${client} this change adds`);
  });

  it("does not count a major changeset already pending on main", async () => {
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.write(
      ".changeset/earlier-work.md",
      changeset(client, "major", "Earlier work."),
    );
    await scratch.repo.commitAll("earlier work");
    await scratch.repo.git("checkout", "-q", "-b", "later");
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.run("spec-diff");
    expect(result.stderr).toContain(`no changeset this change adds bumps ${client} by major`);
    expect(result.code).toBe(1);
  });

  it("still fails when the pending changeset is only a minor bump", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    await scratch.repo.write(
      ".changeset/drop-success.md",
      changeset(client, "minor", "Drop success."),
    );
    expect((await scratch.repo.run("spec-diff")).code).toBe(1);
  });

  it("writes a changeset whose summary is the diff's, which announces the change", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    const result = await scratch.repo.run("spec-diff", "--write-changeset");
    // Paths are printed from where the user typed the command, not from spec/.
    expect(result.stdout).toMatch(/^Changeset written: \.changeset\/spec-diff-[0-9a-f]{8}\.md /m);
    expect(result.stdout).toContain(
      "Markdown for the pull request: spec/test-artifacts/spec-diff.md",
    );
    expect(result.code).toBe(0);
    const [written] = (await readdir(join(scratch.repo.dir, ".changeset"))).filter((f) =>
      f.startsWith("spec-diff-"),
    );
    const body = await readFile(join(scratch.repo.dir, ".changeset", written as string), "utf8");
    expect(body).toMatch(
      new RegExp(`^---\\n"${client}": major\\n---\\n\\nSpec change: \\d+ breaking, `),
    );
    expect(body).toContain("- breaking: [Removed] property `success`");
  });

  it("passes a non-breaking change without a changeset", async () => {
    await scratch.repo.writeSpec(
      mutated(original, (spec) => {
        spec.components.schemas.Invitee.properties.nick.description = "The invitee's display name.";
      }),
    );
    const result = await scratch.repo.run("spec-diff");
    expect(result.stdout).toContain("0 breaking, 0 non-breaking, 1 annotation change");
    expect(result.code).toBe(0);
  });

  it("compares with the given ref, and on main without one with the previous commit", async () => {
    await scratch.repo.writeSpec(mutated(original, removeSuccess));
    await scratch.repo.commitAll("drop success");
    expect((await scratch.repo.run("spec-diff", "HEAD")).stdout).toMatch(
      /compared with the merge base with HEAD \([0-9a-f]{7}\): no changes/,
    );
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.git("merge", "-q", "--ff-only", "feature");
    const onMain = await scratch.repo.run("spec-diff");
    expect(onMain.stdout).toContain(
      "compared with the previous commit (HEAD~1), because HEAD is main",
    );
    expect(onMain.code).toBe(1);
    await scratch.repo.writeSpec(original);
    const edited = await scratch.repo.run("spec-diff");
    expect(edited.stdout).toContain(
      "compared with HEAD, because HEAD is main and the spec has edits",
    );
  });

  it("compares with where the branch left a given ref, not with what that ref gained since", async () => {
    await scratch.repo.writeSpec(
      mutated(original, (spec) => {
        spec.components.schemas.Invitee.properties.nick.description = "The invitee's display name.";
      }),
    );
    await scratch.repo.commitAll("reword nick");
    // Meanwhile main documents a new response field; this branch never removed it.
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.writeSpec(
      mutated(original, (spec) => {
        spec.components.schemas.InviteUsersResponse.properties.note = {
          type: "string",
          description: "A note.",
        };
      }),
    );
    await scratch.repo.commitAll("document a note");
    await scratch.repo.git("checkout", "-q", "feature");
    const result = await scratch.repo.run("spec-diff", "main");
    expect(result.stdout).toMatch(/compared with the merge base with main \([0-9a-f]{7}\)/);
    expect(result.stdout).toContain("0 breaking, 0 non-breaking, 1 annotation change");
    expect(result.code).toBe(0);
  });

  it.each([
    {
      args: ["no-such-ref"],
      message: 'spec:diff: "no-such-ref" is not a commit in this repository',
    },
    { args: ["--colour"], message: 'spec:diff: unknown option "--colour"' },
    { args: ["--markdown"], message: "spec:diff: --markdown needs a file" },
  ])("refuses $args with a clear message", async ({ args, message }) => {
    const result = await scratch.repo.run("spec-diff", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("says which spec it cannot parse", async () => {
    await scratch.repo.write("spec/openapi.yaml", "openapi: [unclosed\n");
    const result = await scratch.repo.run("spec-diff");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cannot read the spec at the working tree's spec/openapi.yaml");
  });
});

// `pnpm release:check` end to end, in a scratch repository with real git history.
import { describe, expect, it } from "vitest";
import { changeset, useScratchRepo } from "./support/scratch-repo.js";
import { loadSpec, mutated, type Spec } from "./support/spec-document.js";

const original: Spec = loadSpec();
const scratch = useScratchRepo();

const client = "@dingtalk-conference/client";
const editSpec = () =>
  scratch.repo.writeSpec(
    mutated(original, (spec) => {
      spec.components.schemas.Invitee.properties.nick.description = "The invitee's display name.";
    }),
  );

describe("pnpm release:check", () => {
  it("explains itself and passes when no base ref is given", async () => {
    await editSpec();
    const result = await scratch.repo.run("release-check");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("none given, so nothing is checked");
  });

  it("fails on a change to the client's generated types without a changeset, naming it", async () => {
    await editSpec();
    await scratch.repo.write(
      "packages/client/src/generated/openapi.ts",
      "export type Nick = string;\n",
    );
    await scratch.repo.commitAll("reword nick");
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain("@dingtalk-conference/spec: spec/openapi.yaml");
    expect(result.stdout).toContain(
      `✖ ${client} (packages/client/src/generated/openapi.ts): no changeset in this change bumps it`,
    );
    expect(result.code).toBe(1);
  });

  it("passes a change to the client that comes with a changeset for it", async () => {
    await scratch.repo.write(
      "packages/client/src/generated/openapi.ts",
      "export type Nick = string;\n",
    );
    await scratch.repo.write(
      ".changeset/reword-nick.md",
      changeset(client, "patch", "Reword nick."),
    );
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain(
      `✔ ${client} (packages/client/src/generated/openapi.ts): changeset bumps it patch`,
    );
    expect(result.code).toBe(0);
  });

  it("names a changeset it cannot read, without a stack trace", async () => {
    await scratch.repo.write("packages/client/src/index.ts", "export const retries = 2;\n");
    // Front matter whose bump line became a Markdown heading: changesets cannot read it.
    await scratch.repo.write(
      ".changeset/broken.md",
      `---\n\n## "${client}": minor\n\nReword nick.\n`,
    );
    const result = await scratch.repo.run("release-check", "main");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("release:check: cannot read the changesets in .changeset/:");
    expect(result.stderr).not.toContain("    at ");
  });

  it.each([
    { file: "packages/client/src/index.ts", content: "export const retries = 2;\n" },
    {
      file: "packages/client/package.json",
      content: JSON.stringify({ name: client, dependencies: { "openapi-fetch": "0.18.0" } }),
    },
    { file: "packages/client/scripts/generate.mjs", content: "// generates differently\n" },
  ])("fails on a change to $file without a changeset: it ships", async ({ file, content }) => {
    await scratch.repo.write(file, content);
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain(`✖ ${client} (${file})`);
    expect(result.code).toBe(1);
  });

  it.each([
    "packages/client/test/invite.test.ts",
    "packages/client/README.md",
    "packages/client/CHANGELOG.md",
  ])("passes a change to %s without a changeset: it does not ship", async (file) => {
    await scratch.repo.write(file, "changed\n");
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain("No published package is reached: no changeset needed.");
    expect(result.code).toBe(0);
  });

  it("passes a spec edit that changes no generated file (an example, a description)", async () => {
    await editSpec();
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain("@dingtalk-conference/spec: spec/openapi.yaml");
    expect(result.stdout).toContain("No published package is reached: no changeset needed.");
    expect(result.code).toBe(0);
  });

  it("does not count a changeset that was already pending before this change", async () => {
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.write(
      ".changeset/earlier-work.md",
      changeset(client, "minor", "Earlier work."),
    );
    await scratch.repo.commitAll("earlier work");
    await scratch.repo.git("checkout", "-q", "-b", "later");
    await scratch.repo.write("packages/client/src/index.ts", "export const retries = 2;\n");
    expect((await scratch.repo.run("release-check", "main")).code).toBe(1);
  });

  it("passes a change that reaches no published package", async () => {
    await scratch.repo.write("spec/README.md", "The spec, reworded.\n");
    const result = await scratch.repo.run("release-check", "main");
    expect(result.stdout).toContain("@dingtalk-conference/spec: spec/README.md");
    expect(result.stdout).toContain("No published package is reached: no changeset needed.");
    expect(result.code).toBe(0);
  });

  it.each([
    {
      args: ["no-such-ref"],
      message: 'release:check: "no-such-ref" is not a commit in this repository',
    },
    { args: ["main", "feature"], message: "release:check: one base ref at most" },
    { args: ["--since"], message: 'release:check: unknown option "--since"' },
  ])("refuses $args with a clear message", async ({ args, message }) => {
    const result = await scratch.repo.run("release-check", ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

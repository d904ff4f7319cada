// `pnpm release:check` end to end, in a scratch repository with real git
// history: the decisions in this process, the exit codes from the built command.
import { describe, expect, it } from "vitest";
import { ReleaseCheckError } from "../src/release-gate.js";
import { changeset, useScratchRepo } from "./support/scratch-repo.js";

const scratch = useScratchRepo();
const client = "@dingtalk-conference/client";
const generated = "packages/client/src/generated/openapi.ts";

describe("pnpm release:check", () => {
  it("explains itself and passes when no base ref is given", async () => {
    const result = await scratch.repo.check();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("none given, so nothing is checked");
  });

  it("fails on a change to the client's generated types without a changeset, naming it", async () => {
    await scratch.repo.write("spec/openapi.yaml", "openapi: 3.1.0\ninfo: {}\n");
    await scratch.repo.write(generated, "export type Nick = string;\n");
    await scratch.repo.commitAll("reword nick");
    const result = await scratch.repo.check("main");
    expect(result.stdout).toContain("Changes since main touch 2 package(s):");
    expect(result.stdout).toContain("@dingtalk-conference/spec: spec/openapi.yaml");
    expect(result.stdout).toContain(
      `✖ ${client} (${generated}): no changeset in this change bumps it`,
    );
    expect(result.stderr).toContain("Add a changeset");
    expect(result.code).toBe(1);
  });

  it("passes a change to the client that comes with a changeset for it", async () => {
    await scratch.repo.write(generated, "export type Nick = string;\n");
    await scratch.repo.write(".changeset/reword-nick.md", changeset(client, "patch", "Reword."));
    const result = await scratch.repo.check("main");
    expect(result.stdout).toContain(`✔ ${client} (${generated}): changeset bumps it patch`);
    expect(result.code).toBe(0);
  });

  it("counts a changeset once git knows it, as changesets does", async () => {
    await scratch.repo.write(generated, "export type Nick = string;\n");
    await scratch.repo.writeUntracked(".changeset/reword-nick.md", changeset(client, "patch", "."));
    expect((await scratch.repo.check("main")).code).toBe(1);
    await scratch.repo.git("add", ".changeset/reword-nick.md");
    expect((await scratch.repo.check("main")).code).toBe(0);
  });

  it("does not count a changeset that was already pending before this change", async () => {
    await scratch.repo.git("checkout", "-q", "main");
    await scratch.repo.write(".changeset/earlier.md", changeset(client, "minor", "Earlier."));
    await scratch.repo.commitAll("earlier work");
    await scratch.repo.git("checkout", "-q", "-b", "later");
    await scratch.repo.write("packages/client/src/index.ts", "export const retries = 2;\n");
    expect((await scratch.repo.check("main")).code).toBe(1);
  });

  it("fails on changes to what the client ships without a changeset, naming each", async () => {
    const shipped = [
      "packages/client/package.json",
      "packages/client/scripts/generate.mjs",
      "packages/client/src/index.ts",
    ];
    for (const file of shipped) await scratch.repo.write(file, JSON.stringify({ name: client }));
    const result = await scratch.repo.check("main");
    expect(result.stdout).toContain(`✖ ${client} (${shipped.join(", ")}): no changeset`);
    expect(result.code).toBe(1);
  });

  it("passes changes to tests, prose and the spec without a changeset: they do not ship", async () => {
    await scratch.repo.write("packages/client/test/invite.test.ts", "changed\n");
    await scratch.repo.write("packages/client/README.md", "changed\n");
    await scratch.repo.write("spec/openapi.yaml", "changed\n");
    const result = await scratch.repo.check("main");
    expect(result.stdout).toContain(
      "@dingtalk-conference/client: packages/client/README.md, packages/client/test/invite.test.ts",
    );
    expect(result.stdout).toContain("No published package is reached: no changeset needed.");
    expect(result.code).toBe(0);
  });

  it.each([
    { args: ["main", "feature"], message: /^one base ref at most, got main feature \(usage: / },
    { args: ["--since=main"], message: /^Unknown option '--since' \(usage: / },
    // pnpm passes on the `--` of `pnpm release:check -- --since=main`.
    { args: ["--", "--since=main"], message: /^Unknown option '--since' \(usage: / },
  ])("refuses $args, naming what is wrong", async ({ args, message }) => {
    await expect(scratch.repo.check(...args)).rejects.toThrow(ReleaseCheckError);
    await expect(scratch.repo.check(...args)).rejects.toThrow(message);
  });

  it("names a changeset it cannot read", async () => {
    await scratch.repo.write("packages/client/src/index.ts", "export const retries = 2;\n");
    // Front matter whose bump line became a Markdown heading: changesets cannot read it.
    await scratch.repo.write(".changeset/broken.md", `---\n\n## "${client}": minor\n\nReword.\n`);
    await expect(scratch.repo.check("main")).rejects.toThrow(
      /^cannot read the changesets in \.changeset\/: [^\n]+$/,
    );
  });
});

describe("the built release:check command", () => {
  it("exits 1 when a changeset is missing", async () => {
    await scratch.repo.write("packages/client/src/index.ts", "export const retries = 2;\n");
    const result = await scratch.repo.runCommand("main");
    expect(result.stdout).toContain(`✖ ${client} (packages/client/src/index.ts)`);
    expect(result.code).toBe(1);
  });

  it.each([
    { args: ["--since"], message: "release:check: Unknown option '--since' (usage: " },
    {
      args: ["no-such-ref"],
      message: 'release:check: Failed to find where HEAD diverged from "no-such-ref"',
    },
  ])("exits 2 on $args with one line naming it", async ({ args, message }) => {
    const result = await scratch.repo.runCommand(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });
});

// `pnpm review` on bad input: one line on stderr naming what is wrong, exit 2,
// before Prism starts. The program runs for real where the answer depends on
// the world (git, a taken port); its options are read in-process.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { specPath } from "@dingtalk-conference/spec/document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOptions } from "../src/cli-options.js";
import { PortInUseError, PortNotPermittedError, ReviewUsageError } from "../src/errors.js";
import { listenError } from "../src/review-server.js";
import { createReviewRepo, type ReviewRepo, runCli } from "./support/scratch-repo.js";

let scratch: ReviewRepo;
beforeAll(async () => {
  scratch = await createReviewRepo();
});
afterAll(() => scratch?.remove());

describe("pnpm review on bad input", () => {
  it("exits 2 with one line for a ref that is not a commit", async () => {
    const result = await runCli(scratch.dir, "nosuchref");
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe('pnpm review: "nosuchref" is not a commit in this repository\n');
    expect(result.stdout).toBe("");
  });

  it("exits 2 naming the port when another process holds it", async () => {
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const result = await runCli(scratch.dir, "--port", String(port));
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toBe(
        `pnpm review: port ${port} on 127.0.0.1 is already in use; choose another with --port\n`,
      );
    } finally {
      holder.close();
    }
  });

  it('exits 2 with one line for a "4XX" response, which the mock cannot be asked for', async () => {
    const original = await readFile(specPath, "utf8");
    await scratch.editSpec((spec) => {
      const { items } = spec.get("paths") as { items: { key: unknown }[] };
      const invite = items.find(
        (item) => spec.getIn(["paths", item.key, "post", "operationId"]) === "inviteUsers",
      );
      const status = ["paths", invite?.key, "post", "responses", "4XX"];
      spec.setIn(status, spec.createNode({ description: "Any other client error" }));
    });
    try {
      const result = await runCli(scratch.dir);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/^pnpm review: inviteUsers: response "4XX" [^\n]+\n$/);
      expect(result.stdout).toBe("");
    } finally {
      await scratch.writeUntracked("spec/openapi.yaml", original);
    }
  });

  it("exits 2 naming a port below 1024 that this user may not listen on", async ({ skip }) => {
    skip(
      process.getuid?.() === 0,
      "root may listen on any port; listenError's test covers the mapping",
    );
    skip(
      unprivilegedPortStart() <= privilegedPort,
      `this system lets every user listen on port ${privilegedPort}`,
    );
    const result = await runCli(scratch.dir, "--port", String(privilegedPort));
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toBe(
      `pnpm review: port ${privilegedPort} on 127.0.0.1 is not open to this user (ports below 1024 need privileges); choose another with --port\n`,
    );
  });
});

const privilegedPort = 80;

/** The lowest port any user may listen on: Linux's sysctl, or 0 where /proc does not say (macOS opens all). */
function unprivilegedPortStart(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_unprivileged_port_start", "utf8"));
  } catch {
    return 0;
  }
}

describe("listenError", () => {
  const failure = (code: string) =>
    Object.assign(new Error(`listen ${code}: 127.0.0.1:80`), { code });

  it.each([
    ["EADDRINUSE", PortInUseError, "port 80 on 127.0.0.1 is already in use"],
    ["EACCES", PortNotPermittedError, "port 80 on 127.0.0.1 is not open to this user"],
  ])("turns %s into one line naming the port", (code, type, message) => {
    const error = listenError(failure(code), "127.0.0.1", 80);
    expect(error).toBeInstanceOf(type);
    expect(error.message).toContain(message);
    expect(error.message).not.toContain("\n");
  });

  it("keeps any other failure as it is, stack and all", () => {
    const other = failure("EADDRNOTAVAIL");
    expect(listenError(other, "127.0.0.1", 80)).toBe(other);
  });
});

describe("readOptions", () => {
  it("takes a ref and a port, after the -- pnpm forwards", () => {
    expect(readOptions(["--", "origin/main", "--port", "4020"])).toEqual({
      help: false,
      ref: "origin/main",
      port: 4020,
    });
  });

  it.each([
    [["--port", "70000"], '--port must be an integer from 1 to 65535, got "70000"'],
    [["--port", "12ab"], '--port must be an integer from 1 to 65535, got "12ab"'],
    [["main", "HEAD"], "one git ref at most, got main HEAD"],
    [["--verbose"], "Unknown option '--verbose'"],
    [["--", "--verbose"], "Unknown option '--verbose' (usage: pnpm review"],
  ])("refuses %j in one line", (args, message) => {
    let refusal: unknown;
    try {
      readOptions(args);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ReviewUsageError);
    expect((refusal as Error).message).toContain(message);
    expect((refusal as Error).message).not.toContain("\n");
  });
});

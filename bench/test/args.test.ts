import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseBenchArgs, UsageError } from "../src/args.js";

const measureNames = ["size", "cli"];

describe("parseBenchArgs", () => {
  it("runs every measure at full scale by default, and small with --quick", () => {
    const full = parseBenchArgs([], measureNames);
    const quick = parseBenchArgs(["--quick", "--only", "cli"], measureNames);
    expect(full).toMatchObject({ quick: false, only: measureNames });
    expect(quick).toMatchObject({ quick: true, only: ["cli"] });
    expect(quick.scale.memoryPeople).toBeLessThan(full.scale.memoryPeople);
    expect(quick.scale.calls).toBeLessThan(full.scale.calls);
  });

  it.each([
    [["--quik"], "Unknown option '--quik'"],
    [["--", "--quik"], "Unknown option '--quik' (usage: pnpm bench"],
    [["--only"], "Option '--only <value>' argument missing"],
    [["--only", "size,speed"], '--only: unknown measure "speed"'],
    [["--quick=yes"], "Option '--quick' does not take an argument"],
  ])("refuses %j, naming what is wrong", (argv, message) => {
    expect(() => parseBenchArgs(argv, measureNames)).toThrow(UsageError);
    expect(() => parseBenchArgs(argv, measureNames)).toThrow(message);
  });
});

describe("the bench's command line", () => {
  // It waits for the process to exit; the generous limit is for a machine under heavy load.
  it("exits 2 with a one-line error before measuring anything", { timeout: 60_000 }, async () => {
    const main = fileURLToPath(new URL("../dist/main.js", import.meta.url));
    const run = promisify(execFile)(process.execPath, [main, "--only", "speed"]);
    const failure = await run.then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stdout: "" });
    expect(failure?.stderr).toMatch(
      /^bench: --only: unknown measure "speed"; the measures are .+\n$/,
    );
  });
});

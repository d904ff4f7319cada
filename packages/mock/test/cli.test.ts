// `pnpm mock` is what a reviewer runs by hand: this pastes every curl line it
// printed into a shell, as the reviewer would. The command itself runs in the
// global setup, which also stops it with Ctrl-C's signal.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { loadSpec } from "@dingtalk-conference/spec/document";
import { describe, expect, inject, it } from "vitest";
import { MockCliUsageError, parseMockCliOptions, usage } from "../src/cli-options.js";
import { describeResponse, documentedResponses } from "../src/documented-responses.js";
import { cliCommand, packageDir } from "./cli-command.js";

const run = promisify(execFile);
const runCli = (...args: string[]) =>
  run(cliCommand[0], [cliCommand[1], ...args], { cwd: packageDir }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

const responses = documentedResponses(loadSpec());
const printed = inject("cliOutput")
  .split("\n")
  .flatMap((line, i, lines) => {
    const next = lines[i + 1];
    return line.startsWith("# ") && next?.startsWith("curl ") ? [{ title: line, curl: next }] : [];
  });

describe("pnpm mock", () => {
  it("prints one titled curl line per documented response of the spec", () => {
    expect(responses.length).toBeGreaterThan(0);
    expect(printed.map((request) => request.title)).toEqual(
      responses.map((response) => `# ${describeResponse(response)}`),
    );
  });

  it("prints lines that, pasted into a shell, get each response's status and body", async () => {
    expect(printed.length).toBe(responses.length);
    for (const [i, request] of printed.entries()) {
      const response = responses[i];
      const { stdout } = await run("sh", ["-c", `${request.curl} -w '\\n%{http_code}'`]);
      const [body = "", status] = stdout.split(/\n(?=\d{3}$)/);
      expect({ title: request.title, status, body: JSON.parse(body) }).toEqual({
        title: request.title,
        status: String(response?.status),
        body: response?.example,
      });
    }
  });
});

describe("pnpm mock's options", () => {
  it("takes a port and a loopback host, and refuses any other host", () => {
    expect(parseMockCliOptions(["--", "--port", "4010", "--host", "::1"])).toEqual({
      help: false,
      host: "::1",
      port: 4010,
    });
    expect(() => parseMockCliOptions(["--host", "0.0.0.0"])).toThrow(
      new MockCliUsageError(
        '--host must be a loopback address (127.x.x.x, ::1, localhost), got "0.0.0.0"',
      ),
    );
    expect(() => parseMockCliOptions(["--port"])).toThrow(/--port <value>' argument missing/);
  });

  it("names an unknown option after the -- pnpm passes on", () => {
    expect(() => parseMockCliOptions(["--", "--verbose"])).toThrow(
      new MockCliUsageError(`Unknown option '--verbose' (${usage})`),
    );
  });

  it("refuses an unknown option in one line that names it, with exit code 2", async () => {
    const failure = await runCli("--verbose");
    expect(failure).toMatchObject({ code: 2, stdout: "" });
    expect(failure.stderr).toMatch(/^pnpm mock: Unknown option '--verbose'.*\n$/);
  });

  it("refuses a bad value in one line that names it, with exit code 2, before starting anything", async () => {
    const failure = await runCli("--port", "70000");
    expect(failure).toMatchObject({
      code: 2,
      stdout: "",
      stderr: 'pnpm mock: --port must be an integer from 1 to 65535, got "70000"\n',
    });
  });

  it("prints its usage for --help and exits 0 without starting Prism", async () => {
    const { code, stdout } = await runCli("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: pnpm mock \[--port <1-65535>\]/);
    expect(stdout).not.toContain("Prism is mocking");
  });
});

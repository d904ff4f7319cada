// `pnpm mock` is what a reviewer runs by hand: this runs the command's own
// script, then pastes every curl line it prints into a shell, as the reviewer
// would, and stops it with Ctrl-C's signal.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadSpec } from "@dingtalk-conference/spec/document";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DocumentedResponse, documentedResponses } from "../src/documented-responses.js";

const run = promisify(execFile);
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
/** `pnpm mock`'s script without the pnpm layer: signals reach the CLI itself. */
const cli = [process.execPath, "--import", "tsx", "src/cli.ts"] as const;
const runCli = (...args: string[]) =>
  run(cli[0], [...cli.slice(1), ...args], { cwd: packageDir }).catch(
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

interface PrintedRequest {
  title: string;
  curl: string;
}

let mock: ChildProcess;
let mockUrl: string;
let printed: PrintedRequest[];
let responses: DocumentedResponse[];

/** Reads the command's output until it says it is ready, then splits it into titled curl lines. */
async function readUntilReady(child: ChildProcess): Promise<string> {
  let output = "";
  let errors = "";
  child.stderr?.on("data", (chunk) => {
    errors += String(chunk);
  });
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    if (output.includes("Press Ctrl-C")) return output;
  }
  throw new Error(`pnpm mock ended before it was ready:\n${output}\n${errors}`);
}

function curlLines(output: string): PrintedRequest[] {
  const lines = output.split("\n");
  return lines.flatMap((line, i) => {
    const next = lines[i + 1];
    return line.startsWith("# ") && next?.startsWith("curl ") ? [{ title: line, curl: next }] : [];
  });
}

beforeAll(async () => {
  responses = documentedResponses(loadSpec());
  mock = spawn(cli[0], cli.slice(1), { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] });
  // Should this test process end without afterAll, the CLI (and so its Prism) goes with it.
  process.once("exit", () => mock.kill("SIGKILL"));
  const output = await readUntilReady(mock);
  mockUrl = /at (http:\/\/\S+)/.exec(output)?.[1] ?? "";
  printed = curlLines(output);
});

afterAll(async () => {
  if (mock?.exitCode === null) {
    mock.kill("SIGKILL");
    await once(mock, "exit");
  }
});

describe("pnpm mock", () => {
  it("prints one titled curl line per documented response of the spec", () => {
    expect(responses.length).toBeGreaterThan(0);
    expect(printed.map((request) => request.title)).toEqual(
      responses.map(
        (response) =>
          `# ${response.operation.operationId} ${response.status} ${response.exampleName} — ${response.summary}`,
      ),
    );
  });

  it("prints lines that, pasted into a shell, get each response's status and body", async () => {
    expect(printed.length).toBe(responses.length);
    for (const [i, request] of printed.entries()) {
      const response = responses[i] as DocumentedResponse;
      const { stdout } = await run("sh", ["-c", `${request.curl} -w '\\n%{http_code}'`]);
      const [body = "", status] = stdout.split(/\n(?=\d{3}$)/);
      expect({ title: request.title, status, body: JSON.parse(body) }).toEqual({
        title: request.title,
        status: String(response.status),
        body: response.example,
      });
    }
  });

  it("stops Prism and exits 0 on Ctrl-C's signal", async () => {
    const exited = once(mock, "exit");
    mock.kill("SIGINT");
    expect(await exited).toEqual([0, null]);
    await expect(fetch(mockUrl)).rejects.toThrow();
  });
});

describe("pnpm mock's options", () => {
  it("refuses a bad port with a message that names it, before starting anything", async () => {
    const failure = await runCli("--port", "70000");
    expect(failure).toMatchObject({ code: 2, stdout: "" });
    expect(failure.stderr).toContain('--port must be an integer from 1 to 65535, got "70000"');
  });

  it("refuses a host other than this machine's loopback", async () => {
    const failure = await runCli("--host", "0.0.0.0");
    expect(failure).toMatchObject({ code: 2, stdout: "" });
    expect(failure.stderr).toContain("--host must be a loopback address");
    expect(failure.stderr).toContain('got "0.0.0.0"');
  });

  it("names an option that lacks its value, or is unknown", async () => {
    expect((await runCli("--port")).stderr).toContain("--port needs a value");
    expect((await runCli("--verbose")).stderr).toContain('unknown option "--verbose"');
  });

  it("prints its usage for --help and exits 0 without starting Prism", async () => {
    const { stdout } = await run(cli[0], [...cli.slice(1), "--help"], { cwd: packageDir });
    expect(stdout).toMatch(/^usage: pnpm mock \[--port <1-65535>\]/);
    expect(stdout).not.toContain("Prism is mocking");
  });
});

// `pnpm mock` is what a reviewer runs by hand: this runs the same root command,
// then pastes every curl line it prints into a shell, as the reviewer would.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  loadSpec,
  type NamedResponseExample,
  namedResponseExamples,
  repoRoot,
} from "./support/spec-document.js";

const run = promisify(execFile);

interface PrintedRequest {
  title: string;
  curl: string;
}

let mock: ChildProcess;
let printed: PrintedRequest[];
let examples: NamedResponseExample[];

/** Reads the command's output until it says it is ready, then splits it into titled curl lines. */
async function readUntilReady(child: ChildProcess): Promise<PrintedRequest[]> {
  let output = "";
  let errors = "";
  child.stderr?.on("data", (chunk) => {
    errors += String(chunk);
  });
  for await (const chunk of child.stdout ?? []) {
    output += String(chunk);
    if (output.includes("Press Ctrl-C")) break;
  }
  if (!output.includes("Press Ctrl-C")) {
    throw new Error(`pnpm mock ended before it was ready:\n${output}\n${errors}`);
  }
  const requests: PrintedRequest[] = [];
  const lines = output.split("\n");
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (line.startsWith("# ") && next?.startsWith("curl "))
      requests.push({ title: line, curl: next });
  });
  return requests;
}

beforeAll(async () => {
  examples = namedResponseExamples(loadSpec());
  // Its own process group, so stopping it reaches pnpm, tsx and Prism alike.
  mock = spawn("pnpm", ["mock"], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  printed = await readUntilReady(mock);
}, 60_000);

afterAll(async () => {
  if (mock.pid && mock.exitCode === null) {
    const exited = once(mock, "exit");
    process.kill(-mock.pid, "SIGINT");
    await exited;
  }
});

describe("pnpm mock", () => {
  it("prints one titled curl line per named response example of the spec", () => {
    expect(printed.map((request) => request.title)).toEqual(
      examples.map(
        (example) =>
          `# ${example.operationId} ${example.status} ${example.name} — ${example.summary}`,
      ),
    );
  });

  it("prints lines that, pasted into a shell, get each example's status and body", async () => {
    expect(printed.length).toBeGreaterThan(0);
    for (const [i, request] of printed.entries()) {
      const example = examples[i] as NamedResponseExample;
      const { stdout } = await run("sh", ["-c", `${request.curl} -w '\\n%{http_code}'`]);
      const [body = "", status] = stdout.split(/\n(?=\d{3}$)/);
      expect({ title: request.title, status, body: JSON.parse(body) }).toEqual({
        title: request.title,
        status: example.status,
        body: example.value,
      });
    }
  });

  it("refuses a bad option with a message that names it, before starting anything", async () => {
    const failure = await run("pnpm", ["mock", "--port", "70000"], {
      cwd: repoRoot,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as { stderr: string }).stderr).toContain(
      '--port must be an integer from 1 to 65535, got "70000"',
    );
    expect((failure as { stderr: string }).stderr).not.toContain("Prism is mocking");
  });
});

// One mock for the whole run, started the way a reviewer starts it (`pnpm mock`,
// i.e. the built CLI): its printed lines are tested by cli.test.ts, its answers
// by the other files. Ctrl-C's signal stops it at the end, which must end the
// command with exit code 0 and close its port.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import type { TestProject } from "vitest/node";
import { cliCommand, packageDir } from "../cli-command.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the mock `pnpm mock` started. */
    mockUrl: string;
    /** What `pnpm mock` printed up to "Press Ctrl-C". */
    cliOutput: string;
  }
}

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [command, ...args] = cliCommand;
  const mock = spawn(command, args, { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] });
  // Should the run end without teardown, the CLI (and so its Prism) goes with it.
  process.once("exit", () => mock.kill("SIGKILL"));
  const output = await readUntilReady(mock);
  const mockUrl = /at (http:\/\/\S+)/.exec(output)?.[1];
  if (!mockUrl) throw new Error(`pnpm mock printed no URL:\n${output}`);
  project.provide("mockUrl", mockUrl);
  project.provide("cliOutput", output);
  return async () => {
    const exited = once(mock, "exit");
    mock.kill("SIGINT");
    const [code, signal] = await exited;
    if (code !== 0) throw new Error(`pnpm mock ended with ${code ?? signal} on Ctrl-C, not 0`);
    const { hostname, port } = new URL(mockUrl);
    const stillUp = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once("error", () => resolve(false));
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
    });
    if (stillUp) throw new Error(`pnpm mock still answers at ${mockUrl} after Ctrl-C`);
  };
}

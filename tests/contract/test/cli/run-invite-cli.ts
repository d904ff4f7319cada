import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PassThrough } from "node:stream";
import { main } from "@dingtalk-conference/invite-cli/main";

/** The built `dingtalk-invite` bin, found through the workspace package like an installed CLI. */
const cliPath = (() => {
  const manifestPath = createRequire(import.meta.url).resolve(
    "@dingtalk-conference/invite-cli/package.json",
  );
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
    bin: Record<string, string>;
  };
  const bin = manifest.bin["dingtalk-invite"];
  if (!bin) throw new Error(`${manifestPath} declares no dingtalk-invite bin`);
  return join(dirname(manifestPath), bin);
})();

export interface CliExit {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a child process (asynchronously: a proxy in this process must keep serving). */
export function runInviteCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliExit> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cliPath, ...args],
      { cwd: options.cwd, env: options.env ?? {}, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? error.code : 0;
        if (typeof code !== "number") {
          reject(error ?? new Error("the CLI ended without an exit code"));
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Runs the function the bin runs, in this process: the same arguments, environment
 * and working directory, its output collected. A tenth of a child process's CPU, for
 * the checks of what the CLI decides; the bin's own start-up is run as a process.
 */
export async function runInviteCliInProcess(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliExit> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString() };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await main(args, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

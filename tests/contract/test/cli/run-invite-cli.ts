import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

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

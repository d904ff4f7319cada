import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { MockStartError } from "./errors.js";

export interface PrismProcess {
  /** Prism's base URL once it says it is listening; rejects with MockStartError if it never does. */
  readonly ready: Promise<URL>;
  /** Stops Prism and waits for it to exit. Safe to call twice, and before it is ready. */
  stop(): Promise<void>;
}

const prismBin = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist",
  "index.js",
);

/**
 * Every Prism this process started, killed when it exits so no run leaves an
 * orphan. Signals stay the host's business: a host that handles Ctrl-C calls
 * stop() (or exits, which this hook covers).
 */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/**
 * Starts Prism (`prism mock …` or `prism proxy …`) on 127.0.0.1, on a port the
 * OS picks: Prism reports the port it bound, so no other process can take it
 * in between.
 */
export function spawnPrism(args: readonly string[], startTimeoutMs: number): PrismProcess {
  const child = spawn(process.execPath, [prismBin, ...args, "-h", "127.0.0.1", "-p", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  running.add(child);
  installExitHook();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // Logged once Prism's own server is bound, with the port it got.
  const listening = new Promise<URL>((resolve) => {
    const watch = () => {
      const address = /Prism is listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (address) resolve(new URL(address));
    };
    child.stdout?.on("data", watch);
    child.stderr?.on("data", watch);
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(forced);
    }
  };

  let timer: NodeJS.Timeout | undefined;
  const ready = Promise.race([
    listening,
    exited.then(() => "prism exited before listening"),
    new Promise<string>((resolve) => {
      timer = setTimeout(
        () => resolve(`no "listening" line within ${startTimeoutMs} ms`),
        startTimeoutMs,
      );
    }),
  ]).then(async (outcome) => {
    clearTimeout(timer);
    if (outcome instanceof URL) {
      // From here on nobody reads its log: stop keeping it.
      for (const stream of [child.stdout, child.stderr])
        stream?.removeAllListeners("data").resume();
      return outcome;
    }
    await stop();
    throw new MockStartError(`Prism did not start: ${outcome}`, output);
  });
  return { ready, stop };
}

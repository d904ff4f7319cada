import { type ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { specPath as defaultSpecPath } from "@dingtalk-conference/spec/document";
import { MockStartError } from "./errors.js";
import { freePort } from "./free-port.js";

export interface StartMockOptions {
  /** The OpenAPI document to serve; default: the repository's spec/openapi.yaml. */
  spec?: string;
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
  /** Port to bind; default: a free one chosen by the OS. */
  port?: number;
  /**
   * Proxy to this upstream instead of mocking: every request and response that
   * crosses is validated against the spec (`prism proxy --errors`).
   */
  upstream?: string;
  /** How long to wait for Prism's first answer; default 30 s. */
  startTimeoutMs?: number;
}

export interface MockServer {
  /** Base URL of the running mock, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Stops Prism and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

const prismBin = join(
  dirname(createRequire(import.meta.url).resolve("@stoplight/prism-cli/package.json")),
  "dist",
  "index.js",
);

/** Every Prism this process started, killed on exit so no run leaves an orphan. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill("SIGKILL");
      process.kill(process.pid, signal);
    });
  }
}

/** Starts Prism on the spec and resolves once it answers HTTP. */
export async function startMock(options: StartMockOptions = {}): Promise<MockServer> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? (await freePort(host));
  const spec = options.spec ?? defaultSpecPath;
  const args = options.upstream ? ["proxy", spec, options.upstream, "--errors"] : ["mock", spec];
  const child = spawn(process.execPath, [prismBin, ...args, "-h", host, "-p", String(port)], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  running.add(child);
  installExitHook();

  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  const url = `http://${host}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(forced);
    }
  };

  try {
    await waitUntilAnswering(url, exited, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new MockStartError(`Prism did not start on ${url}: ${reason}`, output);
  }
  return { url, stop };
}

async function waitUntilAnswering(
  url: string,
  exited: Promise<void>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });
  while (!hasExited) {
    if (Date.now() > deadline) throw new Error(`no answer within ${timeoutMs} ms`);
    try {
      // Any HTTP answer (Prism says 404 for "/") means it is listening.
      await fetch(url, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error("prism exited before answering");
}

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
  /** How long to wait for Prism to say it is listening; default 30 s. */
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

/** How often to pick another free port when another process took the chosen one first. */
const portAttempts = 3;

/** Starts Prism on the spec and resolves once it says it is listening. */
export async function startMock(options: StartMockOptions = {}): Promise<MockServer> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startPrism(options);
    } catch (error) {
      // A port from freePort() is free when picked, not when Prism binds it:
      // another process may take it in between. Only a port we chose can be changed.
      const portTaken = error instanceof MockStartError && error.output.includes("EADDRINUSE");
      if (!portTaken || options.port !== undefined || attempt === portAttempts) throw error;
    }
  }
}

async function startPrism(options: StartMockOptions): Promise<MockServer> {
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
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));

  let output = "";
  // Prism logs this once its own server is bound: only then is the port surely its.
  const listening = new Promise<void>((resolve) => {
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
      if (output.includes("Prism is listening on")) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  });

  const url = `http://${host}:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const forced = setTimeout(() => child.kill("SIGKILL"), 3_000);
      await exited;
      clearTimeout(forced);
    }
  };

  const timeoutMs = options.startTimeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const failure = await Promise.race([
    listening.then(() => undefined),
    exited.then(() => "prism exited before listening"),
    new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`no "listening" line within ${timeoutMs} ms`), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  if (failure !== undefined) {
    await stop();
    throw new MockStartError(`Prism did not start on ${url}: ${failure}`, output);
  }
  return { url, stop };
}

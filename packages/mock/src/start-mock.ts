import { specPath as defaultSpecPath, loadSpec } from "@dingtalk-conference/spec/document";
import { dingTalkRewrites } from "./dingtalk-rewrites.js";
import { MockStartError } from "./errors.js";
import { type FrontServer, listenInFront } from "./front-server.js";
import { spawnPrism } from "./prism-process.js";

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
  /**
   * How long to wait for Prism to say it is listening; default 120 s. A Prism that
   * fails exits and is reported at once: this only ends one that hangs, and must
   * outlast a slow start on a loaded machine (seen over 30 s with two test runs on 2 cores).
   */
  startTimeoutMs?: number;
}

export interface MockServer {
  /** Base URL of the running mock, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** Stops Prism and waits for it to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts Prism on the spec, behind a thin front that makes it answer as
 * DingTalk does where Prism would not, and resolves once both listen.
 */
export async function startMock(options: StartMockOptions = {}): Promise<MockServer> {
  const spec = options.spec ?? defaultSpecPath;
  const { host = "127.0.0.1", port = 0, upstream } = options;
  const rewrites = dingTalkRewrites(loadSpec(spec), { mock: upstream === undefined });
  const prism = spawnPrism(
    upstream ? ["proxy", spec, upstream, "--errors"] : ["mock", spec],
    options.startTimeoutMs ?? 120_000,
  );
  // Awaited below; this keeps a failure before then from counting as unhandled.
  prism.ready.catch(() => {});
  let front: FrontServer | undefined;
  try {
    front = await listenInFront({ host, port, rewrites, target: prism.ready }).catch(
      (error: Error) => {
        throw new MockStartError(`The mock cannot listen on ${host}:${port}: ${error.message}`, "");
      },
    );
    await prism.ready;
  } catch (error) {
    await Promise.all([front?.close(), prism.stop()]);
    throw error;
  }
  const { url, close } = front;
  return {
    url,
    stop: async () => {
      await Promise.all([close(), prism.stop()]);
    },
  };
}

import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { benchRoot } from "../bench-root.js";
import type { ServerStats } from "./loopback-server.js";

export type ServerRequest = "stats" | "reset" | "close";
export type ServerReply = { url: string } | { stats: ServerStats } | { ok: true };

/** The loopback server running in a child process, driven over IPC. */
export interface ServerProcess {
  readonly url: string;
  stats(): Promise<ServerStats>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** The built child entry (tsdown emits it as an entry of its own). */
const serverMain = join(benchRoot, "dist", "server-main.js");

function ask(child: ChildProcess, request: ServerRequest): Promise<ServerReply> {
  const reply = once(child, "message") as Promise<[ServerReply]>;
  child.send(request);
  return reply.then(([message]) => message);
}

export async function startServerProcess(
  options: { countInvitees?: boolean } = {},
): Promise<ServerProcess> {
  const child = fork(serverMain, options.countInvitees ? ["--count-invitees"] : [], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const [hello] = (await once(child, "message")) as [ServerReply];
  if (!("url" in hello)) throw new Error("loopback server did not report its URL");
  return {
    url: hello.url,
    stats: async () => {
      const reply = await ask(child, "stats");
      if (!("stats" in reply)) throw new Error("loopback server answered stats without stats");
      return reply.stats;
    },
    reset: async () => {
      await ask(child, "reset");
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, "exit");
      await ask(child, "close");
      await exited;
    },
  };
}

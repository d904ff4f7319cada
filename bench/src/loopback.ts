import { fork } from "node:child_process";
import { once } from "node:events";

/** The calls every subject makes: one conference, one token. */
export const conferenceId = "644272f14ba33101bench000";
export const accessToken = "bench-access-token";

export interface LoopbackServer {
  readonly url: string;
  /** What it saw: requests, the invitees in their bodies, the first and last one's time (ms). */
  stats(): Promise<Record<"requests" | "invitees" | "firstAt" | "lastAt", number>>;
}

/** Runs `use` with programs/loopback-server.mjs started in a child process, and stops it after. */
export async function withLoopbackServer<T>(use: (server: LoopbackServer) => Promise<T>) {
  const child = fork(new URL("../programs/loopback-server.mjs", import.meta.url));
  const [{ url }] = (await once(child, "message")) as [{ url: string }];
  const stats = async () => {
    const reply = once(child, "message");
    child.send("stats");
    return (await reply)[0];
  };
  try {
    return await use({ url, stats });
  } finally {
    const exited = once(child, "exit");
    if (child.kill()) await exited;
  }
}

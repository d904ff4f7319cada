import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The fixed answer of a successful invitation: the spec's InviteUsersResponse. */
export const successBody = JSON.stringify({ success: true });

/** What the server saw since it started (or since the last reset). */
export interface ServerStats {
  requests: number;
  /** Invitees across every request body; counted only when `countInvitees` is on. */
  invitees: number;
  /** performance.timeOrigin-relative ms of the first and last request; 0 when none. */
  firstRequestAt: number;
  lastRequestAt: number;
}

export interface LoopbackServerOptions {
  /**
   * Parse each body and count its invitees. Off for call-overhead runs, where
   * server work would only add a constant to every subject and flatten ratios.
   */
  countInvitees?: boolean;
}

export interface LoopbackServer {
  readonly url: string;
  stats(): ServerStats;
  reset(): void;
  close(): Promise<void>;
}

function countInviteesIn(body: string): number {
  const parsed: { inviteeList?: unknown[]; phoneInviteeList?: unknown[] } = JSON.parse(body);
  return (parsed.inviteeList?.length ?? 0) + (parsed.phoneInviteeList?.length ?? 0);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/**
 * The smallest honest DingTalk stand-in: keep-alive node:http on loopback that
 * reads every body and answers 200 {"success":true}, so what a benchmark
 * measures is the caller, not the server.
 */
export function startLoopbackServer(options: LoopbackServerOptions = {}): Promise<LoopbackServer> {
  const stats: ServerStats = { requests: 0, invitees: 0, firstRequestAt: 0, lastRequestAt: 0 };
  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const now = performance.now();
    if (stats.requests === 0) stats.firstRequestAt = now;
    stats.lastRequestAt = now;
    stats.requests += 1;
    if (options.countInvitees && body) stats.invitees += countInviteesIn(body);
    response.writeHead(200, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(successBody),
    });
    response.end(successBody);
  });
  // Benchmarks pause between phases; a short idle timeout would close sockets
  // the clients expect to reuse and charge a reconnect to whoever runs next.
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stats: () => ({ ...stats }),
        reset: () =>
          Object.assign(stats, { requests: 0, invitees: 0, firstRequestAt: 0, lastRequestAt: 0 }),
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

import { createServer, request } from "node:http";
import { listenOnLoopback } from "../support/loopback-server.js";

export interface PreferProxy {
  readonly url: string;
  /** The `Prefer` header to add to every request from now on; undefined adds none. */
  prefer: string | undefined;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of Prism that adds a `Prefer` header, so a test can ask
 * Prism for a documented error while the CLI under test stays exactly as users run it
 * (it has, and should have, no way to send arbitrary headers).
 */
export async function startPreferProxy(upstream: string): Promise<PreferProxy> {
  const server = createServer((incoming, outgoing) => {
    const target = new URL(incoming.url ?? "/", upstream);
    const headers: Record<string, string | string[] | undefined> = {
      ...incoming.headers,
      host: target.host,
    };
    if (proxy.prefer) headers.prefer = proxy.prefer;
    const forwarded = request(target, { method: incoming.method, headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", (error) => outgoing.writeHead(502).end(`prefer proxy: ${error.message}`));
    incoming.pipe(forwarded);
  });
  const { url, close } = await listenOnLoopback(server);
  const proxy: PreferProxy = { url, prefer: undefined, close };
  return proxy;
}

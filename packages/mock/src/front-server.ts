// The mock's public address: a loopback HTTP server that rewrites each request
// where DingTalk and Prism differ (see dingtalk-rewrites.ts) and passes it on
// to Prism, and Prism's answer back, rewritten by the same rules.
import { Agent, createServer, type IncomingHttpHeaders, request } from "node:http";
import { buffer } from "node:stream/consumers";
import type { Rewrites } from "./dingtalk-rewrites.js";

export interface FrontServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface FrontOptions {
  readonly host: string;
  readonly port: number;
  readonly rewrites: Rewrites;
  /** Prism's own base URL, once it listens. */
  readonly target: Promise<URL>;
}

/** They describe one connection, not the message, so they are not passed on (RFC 9110 §7.6.1). */
const hopByHop = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
]);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.has(name)));
}

/** Listens on host:port (0: a port the OS picks) and resolves once bound. */
export async function listenInFront(options: FrontOptions): Promise<FrontServer> {
  // A new connection to Prism per request: Prism closes an idle one after 5 s, and this
  // process (a test runner's, often busy) could send on one it had not yet seen closed.
  const agent = new Agent({ keepAlive: false });
  const server = createServer((incoming, outgoing) => {
    const fail = (error: Error) => {
      if (outgoing.headersSent) outgoing.destroy(error);
      else outgoing.writeHead(502, { "content-type": "text/plain" }).end(`mock: ${error.message}`);
    };
    Promise.all([buffer(incoming), options.target])
      .then(([body, target]) => {
        const forwarded = options.rewrites.request({
          method: incoming.method ?? "GET",
          url: incoming.url ?? "/",
          headers: endToEnd(incoming.headers),
          body,
        });
        const toPrism = request({
          agent,
          host: target.hostname,
          port: target.port,
          path: forwarded.url,
          method: forwarded.method,
          headers: { ...forwarded.headers, "content-length": String(forwarded.body.length) },
        });
        toPrism.once("response", (answer) => {
          // Prism's answers are small: sent whole, they cost one write instead of several.
          buffer(answer).then((answerBody) => {
            const { status, headers, body } = options.rewrites.answer({
              status: answer.statusCode ?? 502,
              headers: endToEnd(answer.headers),
              body: answerBody,
            });
            outgoing.writeHead(status, headers).end(body);
          }, fail);
        });
        toPrism.once("error", fail);
        toPrism.end(forwarded.body);
      })
      // The caller hung up mid-body, or Prism is gone.
      .catch(fail);
  });
  // A client reuses an idle connection for a few seconds (fetch: 4 s), later still when
  // its process is busy; a server that closes it first races that reuse, and the next
  // call fails with a reset connection. Idle connections are kept a minute instead.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as { port: number };
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

import { createReadStream } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PortInUseError, PortNotPermittedError } from "./errors.js";
import { scalarBundlePath } from "./reference.js";

/** Where the page loads Scalar's bundle from: this server, straight from node_modules. */
export const bundleRoute = "/scalar/standalone.js";

export interface ReviewServer {
  readonly url: string;
  /** Serves this page at `/` from now on. */
  setPage(html: string): void;
  close(): Promise<void>;
}

/**
 * Why the page cannot listen on `port`, as one line for the two causes a user
 * fixes by choosing another port; any other failure is kept as it is.
 */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === "EADDRINUSE") return new PortInUseError(host, port);
  if (error.code === "EACCES") return new PortNotPermittedError(host, port);
  return error;
}

/**
 * Binds a loopback HTTP server for the review page. It is bound before the
 * mock starts, so a taken port is reported at once and no Prism is left behind.
 */
export async function listenForReview(host: string, port: number): Promise<ReviewServer> {
  let page = "<!doctype html><p>Starting the mock…</p>";
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://loopback").pathname;
    if (path === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(page);
    } else if (path === bundleRoute) {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      createReadStream(scalarBundlePath).pipe(response);
    } else {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${bound}/`,
    setPage: (html) => {
      page = html;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

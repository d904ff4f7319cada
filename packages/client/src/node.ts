// An optional fetch-compatible transport on node:http(s) with keep-alive
// agents: the client's default is the portable global fetch, but on Node a
// loopback call through undici's fetch costs several times node:http's.
// This file is the "./node" entry; nothing in the main entry imports it.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface NodeFetchOptions {
  /** Agent for http: URLs; default a keep-alive agent. */
  httpAgent?: HttpAgent;
  /** Agent for https: URLs; default a keep-alive agent. */
  httpsAgent?: HttpsAgent;
}

/** Statuses whose Response must have a null body. */
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  return headers ? Object.fromEntries(new Headers(headers)) : {};
}

function toHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

async function requestParts(input: RequestInfo | URL, init: RequestInit | undefined) {
  if (typeof input === "string" || input instanceof URL) {
    return { url: new URL(input), init: init ?? {}, body: init?.body };
  }
  // A Request (openapi-fetch's default): read what fetch would have read.
  const body = input.body === null ? undefined : new Uint8Array(await input.arrayBuffer());
  return {
    url: new URL(input.url),
    init: { method: input.method, headers: input.headers, signal: input.signal, ...init },
    body: init?.body ?? body,
  };
}

/**
 * A `fetch` for JSON APIs on node:http(s): string or byte bodies, no
 * redirects followed, no streaming. Network failures reject like fetch's,
 * with a TypeError whose `cause` carries the system error code.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const httpAgent = options.httpAgent ?? new HttpAgent({ keepAlive: true });
  const httpsAgent = options.httpsAgent ?? new HttpsAgent({ keepAlive: true });

  return async function nodeFetch(input, init) {
    const { url, init: requestInit, body } = await requestParts(input, init);
    const { signal } = requestInit;
    signal?.throwIfAborted();
    const isHttps = url.protocol === "https:";
    return new Promise<Response>((resolve, reject) => {
      const request = (isHttps ? httpsRequest : httpRequest)(url, {
        method: requestInit.method ?? "GET",
        headers: toHeaderRecord(requestInit.headers),
        agent: isHttps ? httpsAgent : httpAgent,
      });
      const onAbort = () => {
        request.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      const done = () => signal?.removeEventListener("abort", onAbort);
      request.on("error", (error) => {
        done();
        reject(new TypeError("fetch failed", { cause: error }));
      });
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error) => {
          done();
          reject(new TypeError("fetch failed", { cause: error }));
        });
        response.on("end", () => {
          done();
          const status = response.statusCode ?? 0;
          resolve(
            new Response(NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks), {
              status,
              statusText: response.statusMessage,
              headers: toHeaders(response),
            }),
          );
        });
      });
      request.end(body as string | Uint8Array | undefined);
    });
  };
}

// An optional transport on node:http(s) with keep-alive agents: the client's
// default is the portable global fetch, but on Node a loopback call through
// undici's fetch costs several times node:http's. It answers with the part of
// a fetch Response the client and openapi-fetch read (FetchResponse), not a
// whole Response: building one (its Headers guard, body stream and reader)
// cost more per call than node:http itself.
// This file is the "./node" entry; nothing in the main entry imports it.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import { fetchTimeoutError, timeOrAbort } from "./attempt-limits.js";
import type { ClientRequestInit, FetchResponse } from "./transport.js";

export type { ClientRequestInit, FetchResponse } from "./transport.js";

export interface NodeFetchOptions {
  /** Agent for http: URLs; default a keep-alive agent. */
  httpAgent?: HttpAgent;
  /** Agent for https: URLs; default a keep-alive agent. */
  httpsAgent?: HttpsAgent;
}

/**
 * A fetch-shaped function whose answers are FetchResponses, not whole
 * Responses. It enforces `init.timeoutMs` itself, so the client gives it no
 * AbortSignal per attempt.
 */
export type NodeFetch = ((
  input: string | URL | Request,
  init?: ClientRequestInit,
) => Promise<FetchResponse>) & { readonly enforcesTimeout: true };

/** Decodes as Response.text() does: UTF-8, a leading byte-order mark dropped. */
const utf8 = new TextDecoder();

function toHeaderRecord(headers: HeadersInit | undefined): Record<string, string> {
  // openapi-fetch passes a Headers, which needs no normalising copy.
  return Object.fromEntries(headers instanceof Headers ? headers : new Headers(headers));
}

function toHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = message.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i] as string, raw[i + 1] as string);
  return headers;
}

function toResponse(message: IncomingMessage, body: Buffer): FetchResponse {
  const status = message.statusCode ?? 0;
  const text = async () => utf8.decode(body);
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: toHeaders(message),
    text,
    json: async () => JSON.parse(await text()),
  };
}

async function requestParts(input: Request, init: ClientRequestInit | undefined) {
  // A Request: read what fetch would have read.
  const body = input.body === null ? undefined : new Uint8Array(await input.arrayBuffer());
  return {
    input: input.url,
    init: { method: input.method, headers: input.headers, signal: input.signal, ...init },
    body: init?.body ?? body,
  };
}

/**
 * A fetch for JSON APIs on node:http(s): string or byte bodies, no redirects
 * followed, no streaming; it answers with status, ok, headers, text() and
 * json(). Network failures reject like fetch's, with a TypeError whose
 * `cause` carries the system error code; a call outliving `init.timeoutMs`
 * rejects with a "TimeoutError" DOMException, as with AbortSignal.timeout().
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const httpAgent = options.httpAgent ?? new HttpAgent({ keepAlive: true });
  const httpsAgent = options.httpsAgent ?? new HttpsAgent({ keepAlive: true });

  function send(input: string | URL, init: ClientRequestInit = {}): Promise<FetchResponse> {
    const { signal, timeoutMs } = init;
    const url = new URL(input);
    const isHttps = url.protocol === "https:";
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted();
      const request = (isHttps ? httpsRequest : httpRequest)(url, {
        method: init.method ?? "GET",
        headers: toHeaderRecord(init.headers),
        agent: isHttps ? httpsAgent : httpAgent,
      });
      const abort = (reason: unknown) => {
        request.destroy();
        reject(reason);
      };
      const stop = timeOrAbort(
        signal ?? undefined,
        timeoutMs,
        () => abort(fetchTimeoutError()),
        abort,
      );
      // Every other way the call ends goes through `end`, which stops the timer and the listener.
      const end = (settle: () => void) => {
        stop();
        settle();
      };
      const fail = (error: Error) =>
        end(() => reject(new TypeError("fetch failed", { cause: error })));
      request.on("error", fail);
      request.on("response", (message: IncomingMessage) => {
        const chunks: Buffer[] = [];
        message.on("data", (chunk: Buffer) => chunks.push(chunk));
        message.on("error", fail);
        message.on("end", () => end(() => resolve(toResponse(message, Buffer.concat(chunks)))));
      });
      request.end(init.body as string | Uint8Array | undefined);
    });
  }

  const nodeFetch = (input: string | URL | Request, init?: ClientRequestInit) =>
    typeof input === "string" || input instanceof URL
      ? send(input, init)
      : requestParts(input, init).then((parts) =>
          send(parts.input, { ...parts.init, body: parts.body }),
        );
  return Object.assign(nodeFetch, { enforcesTimeout: true as const });
}

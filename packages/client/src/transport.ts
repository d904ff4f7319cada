import createClient, { type Client, type PathSerializer } from "openapi-fetch";
import type { FetchLimits } from "./attempt-limits.js";
import type { paths } from "./generated/openapi.js";

/** The header DingTalk reads the access token from. */
export const TOKEN_HEADER = "x-acs-dingtalk-access-token";

/**
 * What the client and openapi-fetch read of an answer. A fetch `Response` has
 * all of it; `createNodeFetch()` answers with exactly this and no more.
 */
export interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** The init the client passes: a RequestInit, with `timeoutMs` for a fetch that enforces it. */
export interface ClientRequestInit extends RequestInit {
  /** The attempt's time left, given only to a fetch whose `enforcesTimeout` is true. */
  timeoutMs?: number;
}

/** The fetch the client calls, always as `fetch(url, init)`: the global fetch, `createNodeFetch()`, or a stand-in. */
export type ClientFetch = ((url: string, init: ClientRequestInit) => Promise<FetchResponse>) & {
  /**
   * True for a fetch that ends a call outliving `init.timeoutMs` by rejecting
   * with a "TimeoutError" DOMException, as createNodeFetch() does; the client
   * then passes no AbortSignal of its own, so a fetch that says so must honour
   * `timeoutMs` (a wrapper that drops it would let a call hang).
   */
  readonly enforcesTimeout?: boolean;
};

/** The spec's first server. */
export const DEFAULT_BASE_URL = "https://api.dingtalk.io";

/**
 * openapi-fetch builds `new Request(url, init)` for every call and hands it to
 * `fetch`. On Node 20 that costs ~100 µs more per call than `fetch(url, init)`,
 * so this stand-in (passed as openapi-fetch's `Request`) only keeps the URL and
 * init, and `fetchWithUrl` unpacks them again. Middleware sees these fields.
 */
export class PlainRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: RequestInit["body"];
  readonly signal: RequestInit["signal"];

  constructor(url: string, init: RequestInit) {
    this.url = url;
    this.method = init.method ?? "GET";
    this.headers = init.headers as Headers; // openapi-fetch always passes a Headers
    this.body = init.body;
    this.signal = init.signal;
  }
}

/**
 * Each path parameter becomes exactly one encoded segment. openapi-fetch's own
 * serializer passes the value to `String.replace` as a replacement pattern, so
 * a `$'` in it would splice in the rest of the path.
 */
const encodePathParams: PathSerializer = (path, params) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));

export type ApiClient = Client<paths>;

type OpenapiFetch = (input: Request) => Promise<Response>;

/**
 * A `fetch` for openapi-fetch (client-wide, or for one call): it gets a
 * PlainRequest, and calls `fetchImpl(url, init)` with the limits `limits` gives.
 */
export function fetchWithUrl(
  fetchImpl: ClientFetch,
  limits: (request: PlainRequest) => FetchLimits,
): OpenapiFetch {
  const send = (request: PlainRequest) => {
    const { url, method, headers, body } = request;
    return fetchImpl(url, { method, headers, body, ...limits(request) });
  };
  return send as unknown as OpenapiFetch;
}

/**
 * The typed openapi-fetch client on `fetchImpl`, called as `fetch(url, init)`.
 * `defaultToken` fills the token header when a call did not set it.
 */
export function createApiClient(
  baseUrl: string | undefined,
  fetchImpl: ClientFetch = globalThis.fetch,
  defaultToken?: () => string | Promise<string>,
): ApiClient {
  const send = fetchWithUrl(fetchImpl, ({ signal }) => ({ signal: signal ?? undefined }));
  const sendWithToken = async (request: Request) => {
    const { headers } = request;
    if (defaultToken && !headers.has(TOKEN_HEADER)) headers.set(TOKEN_HEADER, await defaultToken());
    return send(request);
  };
  return createClient<paths>({
    baseUrl: baseUrl ?? DEFAULT_BASE_URL,
    Request: PlainRequest as unknown as typeof Request,
    fetch: sendWithToken,
    pathSerializer: encodePathParams,
    // The spec has path and header parameters and JSON bodies only, which
    // `pnpm generate` enforces: openapi-fetch need not build its query and
    // form serializers for every call.
    querySerializer: () => "",
    bodySerializer: (body) => JSON.stringify(body),
  });
}

import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { paths } from "./generated/openapi.js";

/** The header DingTalk reads the access token from. */
export const TOKEN_HEADER = "x-acs-dingtalk-access-token";

/** The spec's first server. */
const DEFAULT_BASE_URL = "https://api.dingtalk.io";

/** A fetch as openapi-fetch calls it: with one `Request`, answered by a `Response`. */
export type ClientFetch = (request: Request) => Promise<Response>;

export type ApiClient = Client<paths>;

/** Fills the token header of a request that does not carry one yet. */
const tokenMiddleware = (token: () => string | Promise<string>): Middleware => ({
  async onRequest({ request }) {
    if (!request.headers.has(TOKEN_HEADER)) request.headers.set(TOKEN_HEADER, await token());
  },
});

/**
 * The typed openapi-fetch client of the spec's paths, on `fetch` (default:
 * the global one). `defaultToken` fills the token header when a call did not set it.
 */
export function createApiClient(
  baseUrl: string | undefined,
  fetch: ClientFetch | undefined,
  defaultToken?: () => string | Promise<string>,
): ApiClient {
  const client = createClient<paths>({ baseUrl: baseUrl ?? DEFAULT_BASE_URL, fetch });
  if (defaultToken) client.use(tokenMiddleware(defaultToken));
  return client;
}

import { toConnectionError } from "./connection-errors.js";
import { TimeoutError } from "./errors.js";
import { redact } from "./redact.js";
import { parseBody, toApiError } from "./response-errors.js";
import { abortable, DEFAULT_TIMEOUT_MS } from "./timeouts.js";
import { type ClientFetch, createApiClient } from "./transport.js";
import type { GetAccessTokenResponse } from "./types.js";

/** A function returning a valid access token; `invalidate` drops a token DingTalk rejected. */
export interface TokenProvider {
  (): Promise<string>;
  /** Forget the cached token; with `rejectedToken`, only if it is still the cached one. */
  invalidate(rejectedToken?: string): void;
}

export interface AppTokenProviderOptions {
  appKey: string;
  appSecret: string;
  /** Default: the spec's first server, https://api.dingtalk.io. */
  baseUrl?: string;
  fetch?: ClientFetch;
  /** How long one token request may take. Default 30 000 ms. */
  timeoutMs?: number;
}

/** Renew this long before expiry, so a token never expires in flight: 5 min, or a tenth of short lifetimes. */
const renewalMarginMs = (lifetimeMs: number) => Math.min(300_000, lifetimeMs / 10);

/**
 * Tokens for an internal app from `POST /v1.0/oauth2/accessToken`, cached
 * until shortly before `expireIn`; concurrent callers share one refresh.
 */
export function createAppTokenProvider(options: AppTokenProviderOptions): TokenProvider {
  const { appKey, appSecret, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const api = createApiClient(options.baseUrl, options.fetch);
  let cached: { token: string; renewAt: number } | undefined;
  let refreshing: Promise<string> | undefined;

  async function refresh(): Promise<string> {
    const startedAt = Date.now();
    // Its own timeout: a hanging refresh would hold up every caller sharing it.
    const signal = AbortSignal.timeout(timeoutMs);
    const call = api.POST("/v1.0/oauth2/accessToken", {
      body: { appKey, appSecret },
      parseAs: "text",
      signal,
    });
    // Also raced: a custom fetch that drops the signal must not outlive the timeout.
    const { data, error, response } = await abortable(call, signal).catch((failure: unknown) => {
      throw signal.aborted ? new TimeoutError(timeoutMs) : toConnectionError(failure);
    });
    const body = redact(parseBody(error ?? data), appSecret) as Partial<GetAccessTokenResponse>;
    const { accessToken, expireIn } = body ?? {};
    if (!response.ok || typeof accessToken !== "string" || typeof expireIn !== "number") {
      // An answer refused for its expireIn may still carry a live token: keep it out of the error.
      const secret = typeof accessToken === "string" ? accessToken : undefined;
      throw toApiError(response.status, response.headers, redact(body, secret));
    }
    const lifetimeMs = expireIn * 1000;
    cached = { token: accessToken, renewAt: startedAt + lifetimeMs - renewalMarginMs(lifetimeMs) };
    return accessToken;
  }

  const provider = () => {
    if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
    refreshing ??= refresh().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };
  provider.invalidate = (rejectedToken?: string) => {
    if (rejectedToken === undefined || rejectedToken === cached?.token) cached = undefined;
  };
  return provider;
}

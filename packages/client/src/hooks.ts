import type { Middleware } from "openapi-fetch";
import type { ConferenceClientError } from "./errors.js";
import { maskInviteBody } from "./redact.js";
import { parseBody, REQUEST_ID_HEADER } from "./response-errors.js";

export interface RequestEvent {
  /** Pairs a request with its response. */
  id: string;
  method: string;
  url: string;
  /** The JSON body with phone numbers masked; headers (and so the token) are never given. */
  body: unknown;
}

export interface ResponseEvent {
  id: string;
  method: string;
  url: string;
  status: number;
  requestId: string | undefined;
  durationMs: number;
}

export interface RetryEvent {
  /** 1 for the first retry. */
  retry: number;
  delayMs: number;
  error: ConferenceClientError;
}

/** Logging and metrics callbacks; each sees only redacted data. */
export interface ClientHooks {
  onRequest?(event: RequestEvent): void;
  onResponse?(event: ResponseEvent): void;
  onRetry?(event: RetryEvent): void;
}

/** The hooks as openapi-fetch middleware, so they also see calls made through `raw`. */
export function hooksMiddleware({ onRequest, onResponse }: ClientHooks): Middleware {
  // Keyed by the options object openapi-fetch makes once per call and hands to
  // each of its middleware calls: the entry goes with the call even when a
  // later middleware answers in place of the server and no onResponse runs.
  const startedAt = new WeakMap<object, number>();
  return {
    async onRequest({ request, id, options }) {
      startedAt.set(options, performance.now());
      if (!onRequest) return;
      // Read from a clone: the request's own body is still to be sent.
      const body = request.body ? parseBody(await request.clone().text()) : undefined;
      onRequest({ id, method: request.method, url: request.url, body: maskInviteBody(body) });
    },
    onResponse({ request, response, id, options }) {
      const now = performance.now();
      onResponse?.({
        id,
        method: request.method,
        url: request.url,
        status: response.status,
        requestId: response.headers.get(REQUEST_ID_HEADER) ?? undefined,
        durationMs: now - (startedAt.get(options) ?? now),
      });
    },
  };
}

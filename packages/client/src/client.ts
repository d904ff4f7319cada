import { toConnectionError } from "./connection-errors.js";
import { AuthenticationError, ConferenceClientError, TimeoutError } from "./errors.js";
import { type ClientHooks, hooksMiddleware } from "./hooks.js";
import { redact } from "./redact.js";
import { isGatewayBan, parseBody, REQUEST_ID_HEADER, toApiError } from "./response-errors.js";
import { backoffMs, DEFAULT_RETRY_TIMING, isRetryable, type RetryTiming, sleep } from "./retry.js";
import { abortable, DEFAULT_TIMEOUT_MS } from "./timeouts.js";
import type { TokenProvider } from "./token.js";
import { type ApiClient, type ClientFetch, createApiClient, TOKEN_HEADER } from "./transport.js";
import type { InviteUsersRequest, InviteUsersResponse } from "./types.js";
import { assertValidInvite, assertValidToken } from "./validation.js";

export interface ConferenceClientOptions {
  /** The access token, or a function called before each attempt (e.g. a TokenProvider). */
  accessToken: string | (() => string | Promise<string>);
  /** Default: the spec's first server, https://api.dingtalk.io. */
  baseUrl?: string;
  /** Default: the global fetch. Called as openapi-fetch calls it, with one `Request`. */
  fetch?: ClientFetch;
  /** Per-attempt timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retries of requests the server surely did not act on. Default 2. */
  maxRetries?: number;
  /** `unsafe: true` also retries 5xx answers, timeouts and broken connections, which may ring people twice. */
  retry?: { unsafe?: boolean };
  /** Logging and metrics; they never see the token, and phone numbers only masked. */
  hooks?: ClientHooks;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface InviteUsersResult {
  success: boolean;
  /** From DingTalk's `x-acs-request-id` response header, when it sends one. */
  requestId: string | undefined;
}

export interface ConferenceClient {
  /** Invites users to a running conference. Not idempotent: every accepted call rings again. */
  inviteUsers(
    conferenceId: string,
    body: InviteUsersRequest,
    options?: RequestOptions,
  ): Promise<InviteUsersResult>;
  /** The typed openapi-fetch client (token header filled in), for `{ data, error, response }` and middleware. */
  readonly raw: ApiClient;
}

const INVITE_PATH = "/v1.0/conference/videoConferences/{conferenceId}/users/invite";
const DEFAULT_MAX_RETRIES = 2;

const isTokenProvider = (token: unknown): token is TokenProvider =>
  typeof (token as Partial<TokenProvider>).invalidate === "function";

/** createConferenceClient with the retry timing injectable (tests shorten the 1 s throttling floor). */
export function createClientWithTiming(
  options: ConferenceClientOptions,
  timing: RetryTiming,
): ConferenceClient {
  const { accessToken } = options;
  // Checked before any request is built: a bad token must neither leak nor count as sent.
  const resolveToken = async () =>
    assertValidToken(typeof accessToken === "function" ? await accessToken() : accessToken);
  const raw = createApiClient(options.baseUrl, options.fetch, resolveToken);
  if (options.hooks) raw.use(hooksMiddleware(options.hooks));

  /** One request, bounded by `signal`; a rejection that is not a ConferenceClientError is the fetch's. */
  async function attempt(
    conferenceId: string,
    body: InviteUsersRequest,
    token: string,
    signal: AbortSignal,
  ): Promise<InviteUsersResult> {
    const call = raw.POST(INVITE_PATH, {
      params: { path: { conferenceId } },
      body,
      headers: { [TOKEN_HEADER]: token },
      signal,
      parseAs: "text",
    });
    // Also raced: a custom fetch or middleware that drops the signal must not outlive the attempt.
    const { data, error, response } = await abortable(call, signal);
    // Read as text: the body may be anything a gateway sends, and must never crash the parse.
    const parsed = parseBody(error ?? data) as InviteUsersResponse;
    const { status, headers } = response;
    if (!response.ok || typeof parsed?.success !== "boolean" || isGatewayBan(parsed)) {
      // Only a failure's body reaches the caller (in the error): only it needs the token taken out.
      throw toApiError(status, headers, redact(parsed, token));
    }
    return { success: parsed.success, requestId: headers.get(REQUEST_ID_HEADER) ?? undefined };
  }

  async function inviteUsers(
    conferenceId: string,
    body: InviteUsersRequest,
    { signal, timeoutMs, maxRetries }: RequestOptions = {},
  ): Promise<InviteUsersResult> {
    assertValidInvite(conferenceId, body);
    const retries = maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const unsafe = options.retry?.unsafe === true;
    const attemptTimeoutMs = timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let refreshedToken = false;
    let retry = 0;
    for (;;) {
      signal?.throwIfAborted();
      // One signal bounds the attempt, token included: the caller's abort or the time limit.
      const deadline = AbortSignal.timeout(attemptTimeoutMs);
      const attemptSignal = signal ? AbortSignal.any([signal, deadline]) : deadline;
      /** What an attempt the signal ended throws: the caller's reason, or a TimeoutError. */
      const ended = (mayHaveActed: boolean): unknown =>
        signal?.aborted
          ? signal.reason
          : deadline.aborted
            ? new TimeoutError(attemptTimeoutMs, mayHaveActed)
            : undefined;
      // A string is checked as it is; only a function's token needs waiting for.
      const token =
        typeof accessToken === "string"
          ? assertValidToken(accessToken)
          : await abortable(resolveToken(), attemptSignal).catch((failure: unknown) => {
              // Without a token nothing was sent.
              throw ended(false) ?? failure;
            });
      try {
        return await attempt(conferenceId, body, token, attemptSignal);
      } catch (failure) {
        const error =
          failure instanceof ConferenceClientError
            ? failure
            : (ended(true) ?? toConnectionError(failure));
        if (!(error instanceof ConferenceClientError)) throw error;
        // A rejected token from a provider is renewed once, at no retry's cost: a 400 rang no one.
        if (isExpiredToken(error) && isTokenProvider(accessToken) && !refreshedToken) {
          refreshedToken = true;
          accessToken.invalidate(token);
          continue;
        }
        retry++;
        const delayMs =
          retry <= retries && isRetryable(error, unsafe)
            ? backoffMs(error, retry, timing)
            : undefined;
        if (delayMs === undefined) throw error;
        options.hooks?.onRetry?.({ retry, delayMs, error });
        await sleep(delayMs, signal);
      }
    }
  }

  return { inviteUsers, raw };
}

const isExpiredToken = (error: ConferenceClientError) =>
  error instanceof AuthenticationError && error.code === "InvalidAuthentication";

/** A client for DingTalk's invite-users API. See the README for the retry rule. */
export function createConferenceClient(options: ConferenceClientOptions): ConferenceClient {
  return createClientWithTiming(options, DEFAULT_RETRY_TIMING);
}

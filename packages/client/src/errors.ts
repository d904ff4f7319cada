// One hierarchy for every way a call can fail, carrying the facts a caller
// branches on. Each class sets `name` itself: minifiers rename classes.

/** Base of every error the client throws. */
export class ConferenceClientError extends Error {
  override readonly name: string = "ConferenceClientError";
  /** Whether the server may have acted on the request, i.e. rung someone. */
  readonly mayHaveActed: boolean;

  constructor(message: string, mayHaveActed: boolean, options?: ErrorOptions) {
    super(message, options);
    this.mayHaveActed = mayHaveActed;
  }
}

export interface ValidationIssue {
  /** JSON pointer into the request body (e.g. `/inviteeList/0/nick`), `conferenceId` or `accessToken`. */
  path: string;
  message: string;
}

/** The input does not match the spec; nothing was sent. */
export class ValidationError extends ConferenceClientError {
  override readonly name = "ValidationError";
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const list = issues.map((issue) => `${issue.path || "body"} ${issue.message}`).join("; ");
    super(`Invalid request: ${list}`, false);
    this.issues = issues;
  }
}

/** The network failed; `mayHaveActed` is false only when the request surely never left. */
export class ConnectionError extends ConferenceClientError {
  override readonly name = "ConnectionError";
}

/** An attempt took longer than `timeoutMs`; the server may have acted, unless the request was never sent. */
export class TimeoutError extends ConferenceClientError {
  override readonly name = "TimeoutError";

  constructor(timeoutMs: number, mayHaveActed = true) {
    super(`No answer within ${timeoutMs} ms`, mayHaveActed);
  }
}

export interface DingTalkApiErrorInit {
  status: number;
  /** DingTalk's error code; undefined when the body is not DingTalk's envelope (an HTML 502). */
  code: string | undefined;
  message: string;
  requestId: string | undefined;
  /** The parsed JSON body, or the text when it is not JSON. */
  body: unknown;
  headers: Headers;
}

/** DingTalk (or a gateway in front of it) answered with an error status. */
export class DingTalkApiError extends ConferenceClientError {
  override readonly name: string = "DingTalkApiError";
  readonly status: number;
  readonly code: string | undefined;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly headers: Headers;

  /**
   * A 4xx is a refusal. After a 5xx nobody can tell what happened, nor after
   * a 2xx whose body is not the documented answer (it may have rung people).
   */
  constructor(
    init: DingTalkApiErrorInit,
    mayHaveActed: boolean = init.status < 300 || init.status >= 500,
  ) {
    super(init.message, mayHaveActed);
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.body = init.body;
    this.headers = init.headers;
  }
}

/** 400 `unknownUserError`: DingTalk cannot identify an invitee. */
export class UnknownUserError extends DingTalkApiError {
  override readonly name = "UnknownUserError";
}

/** 400 `paramsError`: a parameter was refused, e.g. the meeting ID. */
export class ParamsError extends DingTalkApiError {
  override readonly name = "ParamsError";
}

/** 400 `InvalidAuthentication` / `AuthenticationFailed.*`: missing, invalid or expired token (DingTalk does not use 401). */
export class AuthenticationError extends DingTalkApiError {
  override readonly name = "AuthenticationError";
}

/** 403 `…AccessTokenPermissionDenied`: the token lacks the API's permission. */
export class PermissionDeniedError extends DingTalkApiError {
  override readonly name = "PermissionDeniedError";
}

/** 403 QPS/QPM limit, 429, or the gateway's IP ban; the server did not act. */
export class ThrottledError extends DingTalkApiError {
  override readonly name = "ThrottledError";
  /** How long the server asked to wait (Retry-After, or the ban's `wait`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: DingTalkApiErrorInit, retryAfterMs: number | undefined) {
    // Throttling refuses the call, even when a ban comes with a 2xx.
    super(init, false);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 500 `systemError`: DingTalk failed; it may have acted. */
export class SystemError extends DingTalkApiError {
  override readonly name = "SystemError";
}

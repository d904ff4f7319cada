import {
  AuthenticationError,
  DingTalkApiError,
  type DingTalkApiErrorInit,
  ParamsError,
  PermissionDeniedError,
  SystemError,
  ThrottledError,
  UnknownUserError,
} from "./errors.js";

/** DingTalk's response header that carries the request ID when the body does not. */
export const REQUEST_ID_HEADER = "x-acs-request-id";

/** The status field of the gateway's `{"status":1111,"wait":5}` answer to a burst (an IP ban). */
const GATEWAY_BAN_STATUS = 1111;
const SNIPPET_LENGTH = 200;

type Envelope = {
  code?: unknown;
  message?: unknown;
  requestid?: unknown;
  status?: unknown;
  wait?: unknown;
};

const asEnvelope = (body: unknown): Envelope =>
  body !== null && typeof body === "object" ? (body as Envelope) : {};

const asString = (value: unknown) => (typeof value === "string" ? value : undefined);

/** A body as JSON when it is JSON, else as the text it is (a gateway's HTML page). */
export function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The gateway's IP ban, which replaces DingTalk's envelope (even on a 2xx). */
export const isGatewayBan = (body: unknown): boolean =>
  asEnvelope(body).status === GATEWAY_BAN_STATUS;

/** Retry-After in seconds or as an HTTP date, else the ban's `wait` in seconds. */
function retryAfterMs(headers: Headers, envelope: Envelope): number | undefined {
  const header = headers.get("retry-after");
  if (header !== null) {
    const seconds = Number(header);
    const ms = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
    if (!Number.isNaN(ms)) return Math.max(0, ms);
  }
  return typeof envelope.wait === "number" ? envelope.wait * 1000 : undefined;
}

/**
 * The typed error for a failed answer. `body` is the parsed JSON, or the text
 * when it is not JSON (an HTML page from a gateway), which is cut to a snippet.
 */
export function toApiError(status: number, headers: Headers, body: unknown): DingTalkApiError {
  const envelope = asEnvelope(body);
  const code = asString(envelope.code);
  const text = typeof body === "string" ? body.replace(/\s+/g, " ").trim() : undefined;
  const init: DingTalkApiErrorInit = {
    status,
    code,
    message:
      asString(envelope.message) ??
      (text === undefined ? `HTTP ${status}` : `HTTP ${status}: ${text.slice(0, SNIPPET_LENGTH)}`),
    requestId: asString(envelope.requestid) ?? headers.get(REQUEST_ID_HEADER) ?? undefined,
    body,
    headers,
  };
  // A 403 that is not JSON comes from the gateway, not DingTalk: its ban page.
  const banned = isGatewayBan(body) || (status === 403 && text !== undefined);
  if (banned || status === 429 || /^Forbidden\.AccessDenied\.Qp[sm]/.test(code ?? "")) {
    return new ThrottledError(init, retryAfterMs(headers, envelope));
  }
  if (code === "unknownUserError") return new UnknownUserError(init);
  if (code === "paramsError") return new ParamsError(init);
  if (/^(InvalidAuthentication|AuthenticationFailed|invalidClientIdOrSecret)/.test(code ?? "")) {
    return new AuthenticationError(init);
  }
  if (code?.endsWith("AccessTokenPermissionDenied")) return new PermissionDeniedError(init);
  if (code === "systemError") return new SystemError(init);
  return new DingTalkApiError(init);
}

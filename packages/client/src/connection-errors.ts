import { ConnectionError } from "./errors.js";

/**
 * undici's cause, with no code, for a port the fetch standard blocks (1, 6000,
 * …): fetch refuses it before connecting.
 */
const BAD_PORT = "bad port";

/** Failures that happen before a connection exists: the request surely never left. */
const NOT_SENT_REASONS = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  BAD_PORT,
]);

type FetchFailure = {
  code?: unknown;
  message?: unknown;
  cause?: FetchFailure;
  errors?: FetchFailure[];
};

/** Why a fetch failed, as its cause says: a system error code, or undici's "bad port". */
function fetchFailureCause(error: unknown): string | undefined {
  // fetch wraps the failure in `cause`, sometimes in an AggregateError.
  const cause = (error as FetchFailure | undefined)?.cause ?? (error as FetchFailure | undefined);
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code === "string") return code;
  return cause?.message === BAD_PORT ? BAD_PORT : undefined;
}

/**
 * A fetch rejection as a ConnectionError. Anything not known to fail before
 * sending (a reset, a browser's opaque "Failed to fetch") may have reached the
 * server, so it counts as possibly acted on.
 */
export function toConnectionError(error: unknown): ConnectionError {
  const reason = fetchFailureCause(error);
  const message = reason ? `Connection failed (${reason})` : "Connection failed";
  return new ConnectionError(message, !(reason && NOT_SENT_REASONS.has(reason)), { cause: error });
}

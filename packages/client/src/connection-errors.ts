import { ConnectionError } from "./errors.js";

/** Failures that happen before a connection exists: the request surely never left. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

type WithCode = { code?: unknown; cause?: WithCode; errors?: WithCode[] };

/** The system error code of a fetch failure: fetch wraps it in `cause`, sometimes in an AggregateError. */
function systemCode(error: unknown): string | undefined {
  const cause = (error as WithCode | undefined)?.cause ?? (error as WithCode | undefined);
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * A fetch rejection as a ConnectionError. Anything not known to fail before
 * sending (a reset, a browser's opaque "Failed to fetch") may have reached the
 * server, so it counts as possibly acted on.
 */
export function toConnectionError(error: unknown): ConnectionError {
  const code = systemCode(error);
  const message = code ? `Connection failed (${code})` : "Connection failed";
  return new ConnectionError(message, !(code && NOT_SENT_CODES.has(code)), { cause: error });
}

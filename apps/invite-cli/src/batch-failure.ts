import { ConferenceClientError, DingTalkApiError } from "@dingtalk-conference/client";

/** What the journal and the summary keep of a batch that failed. */
export interface BatchFailure {
  /** DingTalk's code, or the HTTP status / error class when there is none. */
  readonly code: string;
  readonly message: string;
  readonly requestId?: string;
  /** Whether the server may have rung the batch anyway (timeout, 5xx, dropped connection). */
  readonly mayHaveActed: boolean;
}

/** Sorts an error thrown by a call into what a failed batch keeps. */
export function failureFromError(error: unknown): BatchFailure {
  if (error instanceof DingTalkApiError) {
    // A 2xx the client could not read (e.g. a body that is not JSON) was still accepted:
    // the people may have been rung, so it must not count as surely failed.
    const accepted = error.status >= 200 && error.status < 300;
    return withRequestId(
      {
        code: error.code ?? `HTTP ${error.status}`,
        message: error.message,
        mayHaveActed: error.mayHaveActed || accepted,
      },
      error.requestId,
    );
  }
  if (error instanceof ConferenceClientError) {
    return { code: error.name, message: error.message, mayHaveActed: error.mayHaveActed };
  }
  // Not the client's error, so nobody knows how far the request got: assume it may have rung.
  const message = error instanceof Error ? error.message : String(error);
  return { code: "unexpected", message, mayHaveActed: true };
}

export function withRequestId<T extends object>(
  value: T,
  requestId: string | undefined,
): T & { requestId?: string } {
  return requestId ? { ...value, requestId } : value;
}

/** Why a batch failed, as reports and logs show it: `code: message`. */
export function failureReason(failure: Pick<BatchFailure, "code" | "message">): string {
  return `${failure.code}: ${failure.message}`;
}

/** One line for a failure: `code: message (requestId …)`. */
export function formatFailure(failure: BatchFailure): string {
  const requestId = failure.requestId ? ` (requestId ${failure.requestId})` : "";
  return `${failureReason(failure)}${requestId}`;
}

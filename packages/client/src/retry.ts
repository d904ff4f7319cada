import {
  type ConferenceClientError,
  ConnectionError,
  DingTalkApiError,
  ThrottledError,
} from "./errors.js";
import { abortable } from "./timeouts.js";

/** Backoff timing; tests shorten it, users keep DingTalk's floor. */
export interface RetryTiming {
  /** First backoff delay; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** No retry after throttling comes sooner than this: DingTalk counts per second. */
  throttleFloorMs: number;
  /** A server asking for a longer wait (an IP ban) gets the error instead of a retry. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = {
  baseDelayMs: 500,
  throttleFloorMs: 1000,
  maxDelayMs: 60_000,
};

/**
 * Whether retrying may ring someone twice: only when the server surely did
 * not act (refused, throttled, never reached) is a retry safe; `unsafe` opts
 * in to retrying the rest (5xx, timeouts, broken connections).
 */
export function isRetryable(error: ConferenceClientError, unsafe: boolean): boolean {
  if (error instanceof ThrottledError) return true;
  if (!error.mayHaveActed) return error instanceof ConnectionError;
  // A 2xx that is not the documented answer most likely did act: never again.
  return unsafe && !(error instanceof DingTalkApiError && error.status < 500);
}

/** Delay before retry number `retry` (1-based), or undefined when the server asks for too long. */
export function backoffMs(
  error: ConferenceClientError,
  retry: number,
  timing: RetryTiming,
): number | undefined {
  const exponential = timing.baseDelayMs * 2 ** (retry - 1);
  // Full jitter on the upper half spreads many clients' retries apart.
  let delay = exponential / 2 + (Math.random() * exponential) / 2;
  if (error instanceof ThrottledError) {
    delay = Math.max(delay, timing.throttleFloorMs, error.retryAfterMs ?? 0);
  }
  return delay > timing.maxDelayMs ? undefined : delay;
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  // Cleared on abort too: a pending timer would hold the process open for the whole wait.
  return abortable(elapsed, signal).finally(() => clearTimeout(timer));
}

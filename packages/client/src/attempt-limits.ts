/** How long one attempt, or one token request, may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What a fetch's init gets to bound one attempt. */
export interface FetchLimits {
  signal?: AbortSignal;
  /** Only for a fetch that enforces it itself (`enforcesTimeout`). */
  timeoutMs?: number;
}

/**
 * What bounds one attempt: the caller's signal and a time limit shared by
 * the token and the request.
 *
 * A generic fetch gets one AbortSignal that both abort. A fetch that enforces
 * `timeoutMs` itself (createNodeFetch) gets the caller's signal and the time
 * left instead: an AbortSignal and its listener per attempt cost ~10 µs, a
 * tenth of a whole node:http call on loopback. Waiting for the token needs
 * no signal either, only a timer.
 */
export interface AttemptLimits {
  /** The init fields for this attempt's fetch; call once, when the request goes out. */
  forFetch(enforcesTimeout: boolean | undefined): FetchLimits;
  /** `promise`, or a rejection as soon as the caller aborts or the time is up. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Whether the attempt ran out of time; `error` is what its fetch rejected with, if it did. */
  timedOut(error?: unknown): boolean;
  /** Stops the timer and the listener; call when the attempt ends. */
  release(): void;
}

/** The rejection of a fetch that ended a call at its `timeoutMs`, as fetch with AbortSignal.timeout() gives. */
export const fetchTimeoutError = () =>
  new DOMException("The operation was aborted due to timeout", "TimeoutError");

/**
 * Calls `onTime` after `ms` (never, when undefined), or `onAbort` with the
 * signal's reason as soon as it aborts (at once if it has), whichever comes
 * first. Returns the stop.
 */
export function timeOrAbort(
  signal: AbortSignal | undefined,
  ms: number | undefined,
  onTime: () => void,
  onAbort: (reason: unknown) => void,
): () => void {
  const stop = () => {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  };
  const abort = () => {
    stop();
    onAbort(signal?.reason);
  };
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(() => {
          stop();
          onTime();
        }, ms);
  if (signal?.aborted) abort();
  else signal?.addEventListener("abort", abort, { once: true });
  return stop;
}

export function attemptLimits(caller: AbortSignal | undefined, timeoutMs: number): AttemptLimits {
  const deadline = Date.now() + timeoutMs;
  const timeLeft = () => Math.max(0, deadline - Date.now());
  let timedOut = false;
  let enforcedByFetch = false;
  let release = () => {};

  /** Calls `onEnd` with the caller's reason or a timeout error, whichever comes first, until released. */
  const watch = (onEnd: (reason: unknown) => void) => {
    release();
    release = timeOrAbort(
      caller,
      timeLeft(),
      () => {
        timedOut = true;
        onEnd(fetchTimeoutError());
      },
      onEnd,
    );
  };

  return {
    forFetch(enforcesTimeout) {
      if (enforcesTimeout) {
        enforcedByFetch = true;
        return { signal: caller, timeoutMs: timeLeft() };
      }
      const controller = new AbortController();
      watch((reason) => controller.abort(reason));
      return { signal: controller.signal };
    },
    race: (promise) =>
      Promise.race([promise, new Promise<never>((_, reject) => watch(reject))]).finally(() =>
        release(),
      ),
    timedOut: (error) =>
      timedOut || (enforcedByFetch && (error as Error | undefined)?.name === "TimeoutError"),
    release: () => release(),
  };
}

/** How long one attempt, or one token request, may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * `promise`, or a rejection with the signal's reason as soon as it aborts: for
 * work that takes no signal of its own (a token function, a timer), or a call
 * whose custom fetch may drop the signal it is given.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

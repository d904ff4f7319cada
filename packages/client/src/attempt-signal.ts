/** How long one attempt, or one token request, may take unless the caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** One attempt's signal: aborted by the caller's signal or by the per-attempt timeout. */
export interface AttemptSignal {
  signal: AbortSignal;
  timedOut(): boolean;
  /** `promise`, or its abort reason as soon as the attempt is aborted: a hanging step cannot outlast it. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Stops the timer and the listener; call when the attempt ends. */
  release(): void;
}

export function attemptSignal(caller: AbortSignal | undefined, timeoutMs: number): AttemptSignal {
  const controller = new AbortController();
  let timedOut = false;
  const onCallerAbort = () => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  if (caller?.aborted) onCallerAbort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    race: (promise) =>
      Promise.race([
        promise,
        new Promise<never>((_, reject) => {
          const { signal } = controller;
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        }),
      ]),
    release() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
}

// A failure that nothing awaits (a stream that a runtime's library errors
// after its reader has gone, say) would end the run at once: no table, no
// cleanup, its scratch folder left behind. The run catches it instead, and
// names the runtime whose code it came from.
import { AsyncLocalStorage } from "node:async_hooks";

/** The runtime whose probe or run the current code serves: `runtimeAtWork.run(name, fn)`. */
export const runtimeAtWork = new AsyncLocalStorage();

/** A failure that nothing awaited, and the runtime whose code it came from, if any. */
export class UncaughtFailure extends Error {
  name = "UncaughtFailure";
  constructor(cause, runtime) {
    const where = runtime === undefined ? "outside any runtime" : `in ${runtime}`;
    // One line: the error and what caused it (undici's `terminated` names the closed socket there).
    const causes = [cause, cause?.cause].filter(Boolean).map(String).join(", caused by ");
    super(`${where}, uncaught: ${causes}`, { cause });
  }
}

/**
 * Rejects with an UncaughtFailure on the process's first uncaught exception
 * or unhandled rejection, which then no longer end the process: the caller
 * cleans up, says what happened and exits.
 * @returns {Promise<never>}
 */
export function failureNothingAwaits() {
  return new Promise((_, reject) => {
    const stop = (error) => reject(new UncaughtFailure(error, runtimeAtWork.getStore()));
    process.on("uncaughtException", stop);
    process.on("unhandledRejection", stop);
  });
}

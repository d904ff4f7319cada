import { personKey } from "../input/people.js";
import type { JournalRecord, JournalWriter } from "../journal/journal.js";
import type { Batch } from "../plan/plan.js";
import { type BatchOutcome, failureOfOutcome, type InviteCall } from "./invite-call.js";
import type { RateLimiter } from "./rate-limiter.js";

export interface BatchResult {
  readonly batch: Batch;
  readonly outcome: BatchOutcome;
}

export interface SendBatchesOptions {
  /** Taken one at a time as workers free up, so they can be built lazily. */
  readonly batches: Iterable<Batch>;
  readonly send: InviteCall;
  /** The caller closes it once sendBatches settles, which is only after every worker has stopped. */
  readonly journal: Pick<JournalWriter, "append">;
  readonly limiter: RateLimiter;
  /** Batches in flight at once; also how many batches a crash can leave ambiguous. */
  readonly concurrency: number;
  /** Once true, no further batch starts; those in flight finish and are journaled. */
  readonly stopped?: () => boolean;
  readonly onBatchStart?: (batch: Batch) => void;
  /** Called as each batch's outcome is journaled; results are not kept here, so a long run holds only what this keeps. */
  readonly onBatchEnd: (result: BatchResult) => void;
}

/**
 * Sends the batches with `concurrency` workers under the rate limit, journaling each
 * one `pending` before its request starts and `done`/`failed` after, so a crash at any
 * point leaves a journal from which a resume can tell who was surely invited.
 */
export async function sendBatches(options: SendBatchesOptions): Promise<void> {
  const { send, journal, limiter } = options;
  const queue = options.batches[Symbol.iterator]();
  // Once a worker fails (say the journal cannot be written), the others start no new batch
  // but finish and journal the one in flight: the caller closes the journal only after that.
  let failed = false;
  const mayStart = () => !failed && !options.stopped?.();
  const worker = async () => {
    while (mayStart()) {
      await limiter.acquire();
      if (!mayStart()) return;
      // Taken only once it may start: a batch waiting for its turn would hold its people
      // in memory meanwhile (and the batches are built as they are taken).
      const next = queue.next();
      if (next.done) return;
      const batch = next.value;
      journal.append({ type: "pending", batch: batch.number, people: batch.people.map(personKey) });
      options.onBatchStart?.(batch);
      const outcome = await send(batch.people);
      journal.append(outcomeRecord(batch.number, outcome));
      options.onBatchEnd({ batch, outcome });
    }
  };
  const workers = Array.from({ length: Math.max(1, options.concurrency) }, () =>
    worker().catch((error: unknown) => {
      failed = true;
      throw error;
    }),
  );
  const settled = await Promise.allSettled(workers);
  const firstFailure = settled.find((result) => result.status === "rejected");
  if (firstFailure) throw firstFailure.reason;
}

function outcomeRecord(batch: number, outcome: BatchOutcome): JournalRecord {
  if (!outcome.ok) {
    return { type: "failed", batch, ...failureOfOutcome(outcome) };
  }
  return outcome.requestId
    ? { type: "done", batch, requestId: outcome.requestId }
    : { type: "done", batch };
}

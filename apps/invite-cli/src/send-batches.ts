import type { JournalRecord, JournalWriter } from "./journal.js";
import { personKey } from "./people.js";
import type { Batch } from "./plan.js";
import type { RateLimiter } from "./rate-limiter.js";
import type { BatchOutcome, SendBatch } from "./sender.js";

export interface BatchResult {
  readonly batch: Batch;
  readonly outcome: BatchOutcome;
}

export interface SendBatchesOptions {
  readonly batches: readonly Batch[];
  readonly send: SendBatch;
  readonly journal: JournalWriter;
  readonly limiter: RateLimiter;
  /** Batches in flight at once; also how many batches a crash can leave ambiguous. */
  readonly concurrency: number;
  /** Once true, no further batch starts; those in flight finish and are journaled. */
  readonly stopped?: () => boolean;
  readonly onBatchStart?: (batch: Batch) => void;
  readonly onBatchEnd?: (result: BatchResult) => void;
}

/**
 * Sends the batches under the rate limit, journaling each one `pending` before its
 * request starts and `done`/`failed` after, so a crash at any point leaves a journal
 * from which a resume can tell who was surely invited.
 */
export async function sendBatches(options: SendBatchesOptions): Promise<BatchResult[]> {
  const { batches, send, journal, limiter } = options;
  const results: BatchResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batches.length && !options.stopped?.()) {
      const batch = batches[next++] as Batch;
      await limiter.acquire();
      if (options.stopped?.()) return;
      journal.append({ type: "pending", batch: batch.number, people: batch.people.map(personKey) });
      options.onBatchStart?.(batch);
      const outcome = await send(batch.people);
      journal.append(outcomeRecord(batch.number, outcome));
      const result = { batch, outcome };
      results.push(result);
      options.onBatchEnd?.(result);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, batches.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results.sort((a, b) => a.batch.number - b.batch.number);
}

function outcomeRecord(batch: number, outcome: BatchOutcome): JournalRecord {
  if (!outcome.ok) {
    // The journal keeps what happened to the batch, not what the run made of it.
    const { ok: _, tokenRefused: __, ...failure } = outcome;
    return { type: "failed", batch, ...failure };
  }
  return outcome.requestId
    ? { type: "done", batch, requestId: outcome.requestId }
    : { type: "done", batch };
}

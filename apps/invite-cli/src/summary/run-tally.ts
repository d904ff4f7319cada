import type { BatchFailure } from "../batch-failure.js";
import { personKey } from "../input/people.js";
import { failureOfOutcome } from "../send/invite-call.js";
import type { BatchResult } from "../send/send-batches.js";

/** A batch of this run that failed, with the people the summary lists when it may have rung them. */
export interface FailedBatch {
  readonly batch: number;
  /** How many people it held. */
  readonly size: number;
  readonly failure: BatchFailure;
  /** Person keys, kept only when the batch is ambiguous (`failure.mayHaveActed`). */
  readonly people?: readonly string[];
}

/**
 * What the summary needs of the batches a run sent, kept as each one ends: counts for
 * the batches that went well, details only for those that did not. The batches
 * themselves are let go, so a long run's memory does not grow with its list.
 */
export class RunTally {
  /** Batches that got an outcome, and the people in them. */
  sentBatches = 0;
  sentPeople = 0;
  succeededBatches = 0;
  invited = 0;
  readonly #failed: FailedBatch[] = [];

  record({ batch, outcome }: BatchResult): void {
    this.sentBatches++;
    this.sentPeople += batch.people.length;
    if (outcome.ok) {
      this.succeededBatches++;
      this.invited += batch.people.length;
      return;
    }
    const failure = failureOfOutcome(outcome);
    this.#failed.push({
      batch: batch.number,
      size: batch.people.length,
      failure,
      ...(failure.mayHaveActed ? { people: batch.people.map(personKey) } : {}),
    });
  }

  /** The failed batches in batch order (they end in any order when several are in flight). */
  failedBatches(): readonly FailedBatch[] {
    return [...this.#failed].sort((a, b) => a.batch - b.batch);
  }
}

import { describe, expect, it } from "vitest";
import type { Person } from "../src/input/people.js";
import type { JournalRecord } from "../src/journal/journal.js";
import { splitIntoBatches } from "../src/plan/plan.js";
import type { BatchOutcome } from "../src/send/invite-call.js";
import { RateLimiter } from "../src/send/rate-limiter.js";
import { sendBatches } from "../src/send/send-batches.js";

const people: Person[] = ["a", "b", "c", "d"].map((id) => ({
  kind: "user",
  unionId: id,
  nick: id,
}));

/** A journal whose append fails like a full disk on the given record, and that notes writes after close. */
function failingJournal(failOnRecord: number, onFailure: () => void) {
  const records: JournalRecord[] = [];
  let closed = false;
  let writesAfterClose = 0;
  let appends = 0;
  return {
    records,
    get writesAfterClose() {
      return writesAfterClose;
    },
    append(record: JournalRecord): void {
      if (closed) writesAfterClose++;
      if (++appends === failOnRecord) {
        onFailure();
        throw Object.assign(new Error("ENOSPC: no space left on device, fsync"), {
          code: "ENOSPC",
        });
      }
      records.push(record);
    },
    close(): void {
      closed = true;
    },
  };
}

describe("sendBatches", () => {
  it("lets batches in flight finish and be journaled before a worker's error surfaces", async () => {
    let releaseSlowBatch = () => {};
    const slowBatchSent = new Promise<void>((resolve) => {
      releaseSlowBatch = resolve;
    });
    // Batch 1's request is still out when batch 2's outcome cannot be journaled; it returns
    // only in a later turn of the event loop, after the failure has had every chance to close.
    const journal = failingJournal(3, () => setImmediate(releaseSlowBatch));
    let slowBatchEnded = () => {};
    const slowBatchJournaled = new Promise<void>((resolve) => {
      slowBatchEnded = resolve;
    });
    const started: number[] = [];
    const send = async (batchPeople: readonly Person[]): Promise<BatchOutcome> => {
      if (batchPeople[0] === people[0]) await slowBatchSent;
      return { ok: true };
    };

    const run = sendBatches({
      batches: splitIntoBatches(people, 1, 1),
      send,
      journal,
      limiter: new RateLimiter(Number.POSITIVE_INFINITY),
      concurrency: 2,
      onBatchStart: (batch) => started.push(batch.number),
      onBatchEnd: ({ batch }) => {
        if (batch.number === 1) slowBatchEnded();
      },
    }).finally(() => journal.close());

    await Promise.all([expect(run).rejects.toThrow("ENOSPC"), slowBatchJournaled]);
    expect(journal.writesAfterClose).toBe(0);
    expect(started).toEqual([1, 2]);
    expect(journal.records).toEqual([
      { type: "pending", batch: 1, people: ["user:a"] },
      { type: "pending", batch: 2, people: ["user:b"] },
      { type: "done", batch: 1 },
    ]);
  });
});

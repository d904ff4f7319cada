import assert from "node:assert";
import { failureReason } from "../batch-failure.js";
import { type People, type Person, personOf } from "../input/people.js";
import type { JournalReplay, PersonState } from "../journal/journal.js";

export interface Batch {
  /** Unique within a journal, across resumed runs. */
  readonly number: number;
  readonly people: readonly Person[];
}

/** A batch that may have been rung by an earlier run, and who was in it. */
export interface AmbiguousBatch {
  readonly batch: number;
  readonly people: readonly Person[];
  /** The error that left it ambiguous; none when the run died with it in flight. */
  readonly reason?: string;
}

export interface Plan {
  /** People this run sends. */
  readonly toSend: number;
  readonly batchCount: number;
  /**
   * The batches, each built only when it is taken: a long list is never copied into
   * batch objects all at once. Callable once, as each person is let go of as their batch
   * is cut, so a long run holds less and less of its list as it sends; a second call
   * throws rather than find nobody. (Kept whole, a 100,000-person run peaks at 94-98 MB
   * instead of 91, and as Person objects at 100-102 MB: README, "Long lists".)
   */
  batches(): Iterable<Batch>;
  /** Invited by an earlier run, per the journal. */
  readonly alreadyInvited: number;
  /** Ambiguous batches of earlier runs; re-sent (in `batches`) only with retryAmbiguous. */
  readonly ambiguous: readonly AmbiguousBatch[];
}

/**
 * Decides who is sent this run: everyone the journal does not show as invited; people of
 * ambiguous batches only when retryAmbiguous says the caller accepts ringing them twice.
 * The plan takes `people` (see People) over: it is read here to count, then emptied by
 * `batches()`, which builds the Person objects of a batch only as it is taken.
 */
export function planRun(
  people: People,
  journal: JournalReplay,
  options: { batchSize: number; retryAmbiguous: boolean },
): Plan {
  const isSent = (state: PersonState | undefined) =>
    state === undefined ||
    state.state === "failed" ||
    (state.state === "ambiguous" && options.retryAmbiguous);
  const ambiguous = new Map<
    number,
    { people: Person[]; state: PersonState & { state: "ambiguous" } }
  >();
  let alreadyInvited = 0;
  let toSend = 0;
  for (const [key, nick] of people) {
    const state = journal.people.get(key);
    if (state?.state === "done") alreadyInvited++;
    if (state?.state === "ambiguous") {
      const entry = ambiguous.get(state.batch) ?? { people: [] as Person[], state };
      entry.people.push(personOf(key, nick));
      ambiguous.set(state.batch, entry);
    }
    if (isSent(state)) toSend++;
  }
  let taken = false;
  function* sentPeople(): Generator<Person> {
    for (const [key, nick] of people) {
      people.delete(key);
      if (isSent(journal.people.get(key))) yield personOf(key, nick);
    }
  }
  return {
    toSend,
    batchCount: Math.ceil(toSend / options.batchSize),
    batches: () => {
      // A second call is a bug in the caller, not bad input: an AssertionError says so.
      assert(!taken, "Plan.batches() may be taken once: the first call took everyone");
      taken = true;
      return splitIntoBatches(sentPeople(), options.batchSize, journal.nextBatch);
    },
    alreadyInvited,
    ambiguous: [...ambiguous].map(([batch, { people: members, state }]) =>
      state.failure
        ? { batch, people: members, reason: failureReason(state.failure) }
        : { batch, people: members },
    ),
  };
}

/** Cuts people into batches of `size` as they are taken, numbered from `firstNumber`. */
export function* splitIntoBatches(
  people: Iterable<Person>,
  size: number,
  firstNumber: number,
): Generator<Batch> {
  let number = firstNumber;
  let batch: Person[] = [];
  for (const person of people) {
    batch.push(person);
    if (batch.length === size) {
      yield { number: number++, people: batch };
      batch = [];
    }
  }
  if (batch.length > 0) yield { number, people: batch };
}

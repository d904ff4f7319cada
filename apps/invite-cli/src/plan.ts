import type { JournalReplay, PersonState } from "./journal.js";
import { type Person, personKey } from "./people.js";

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
  readonly batches: readonly Batch[];
  /** Invited by an earlier run, per the journal. */
  readonly alreadyInvited: number;
  /** Ambiguous batches of earlier runs; re-sent (in `batches`) only with retryAmbiguous. */
  readonly ambiguous: readonly AmbiguousBatch[];
}

/**
 * Decides who is sent this run: everyone the journal does not show as invited; people of
 * ambiguous batches only when retryAmbiguous says the caller accepts ringing them twice.
 */
export function planRun(
  people: readonly Person[],
  journal: JournalReplay,
  options: { batchSize: number; retryAmbiguous: boolean },
): Plan {
  const toSend: Person[] = [];
  const ambiguous = new Map<
    number,
    { people: Person[]; state: PersonState & { state: "ambiguous" } }
  >();
  let alreadyInvited = 0;
  for (const person of people) {
    const state = journal.people.get(personKey(person));
    if (state?.state === "done") {
      alreadyInvited++;
      continue;
    }
    if (state?.state === "ambiguous") {
      const entry = ambiguous.get(state.batch) ?? { people: [] as Person[], state };
      entry.people.push(person);
      ambiguous.set(state.batch, entry);
      if (!options.retryAmbiguous) continue;
    }
    toSend.push(person);
  }
  return {
    batches: splitIntoBatches(toSend, options.batchSize, journal.nextBatch),
    alreadyInvited,
    ambiguous: [...ambiguous].map(([batch, { people: members, state }]) =>
      state.failure
        ? { batch, people: members, reason: `${state.failure.code}: ${state.failure.message}` }
        : { batch, people: members },
    ),
  };
}

export function splitIntoBatches(
  people: readonly Person[],
  size: number,
  firstNumber: number,
): Batch[] {
  const batches: Batch[] = [];
  for (let i = 0; i < people.length; i += size) {
    batches.push({ number: firstNumber + batches.length, people: people.slice(i, i + size) });
  }
  return batches;
}

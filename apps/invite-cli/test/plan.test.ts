import { AssertionError } from "node:assert";
import { describe, expect, it } from "vitest";
import { type Person, personKey } from "../src/input/people.js";
import type { JournalReplay, PersonState } from "../src/journal/journal.js";
import { planRun, splitIntoBatches } from "../src/plan/plan.js";
import { peopleOf } from "./fixtures/people.js";

const users = (n: number): Person[] =>
  Array.from({ length: n }, (_, i) => ({ kind: "user", unionId: `u${i}`, nick: `N${i}` }) as const);
const noJournal: JournalReplay = { people: new Map(), nextBatch: 1 };
const keysOf = (people: readonly Person[]) => people.map(personKey);

describe("splitIntoBatches", () => {
  it("cuts people into batches of the given size, numbered from the first free number", () => {
    const batches = [...splitIntoBatches(users(5), 2, 7)];
    expect(batches.map((b) => [b.number, keysOf(b.people)])).toEqual([
      [7, ["user:u0", "user:u1"]],
      [8, ["user:u2", "user:u3"]],
      [9, ["user:u4"]],
    ]);
  });

  it("makes no batch of nobody", () => {
    expect([...splitIntoBatches([], 20, 1)]).toEqual([]);
  });
});

describe("planRun", () => {
  it("sends everyone on a fresh run", () => {
    const plan = planRun(peopleOf(users(45)), noJournal, { batchSize: 20, retryAmbiguous: false });
    expect(plan).toMatchObject({ toSend: 45, batchCount: 3, alreadyInvited: 0, ambiguous: [] });
    expect([...plan.batches()].map((b) => [b.number, b.people.length])).toEqual([
      [1, 20],
      [2, 20],
      [3, 5],
    ]);
  });

  it("lets go of each person as their batch is cut", () => {
    const people = peopleOf(users(5));
    const plan = planRun(people, noJournal, { batchSize: 2, retryAmbiguous: false });
    const taken: string[][] = [];
    for (const batch of plan.batches()) {
      taken.push(keysOf(batch.people));
      // Who is left: the people of the batches not cut yet.
      if (taken.length === 1) expect([...people.keys()]).toEqual(["user:u2", "user:u3", "user:u4"]);
    }
    expect(taken).toEqual([["user:u0", "user:u1"], ["user:u2", "user:u3"], ["user:u4"]]);
    expect(people.size).toBe(0);
    expect(plan).toMatchObject({ toSend: 5, batchCount: 3 });
    // Taken once: a second taker would find nobody, so it is stopped instead, with an
    // AssertionError, as taking them again is a bug in the caller, not bad input.
    const takeAgain = () => plan.batches();
    expect(takeAgain).toThrow(AssertionError);
    expect(takeAgain).toThrow("Plan.batches() may be taken once");
  });

  it("on resume skips the invited, re-sends the surely failed, and holds back the ambiguous", () => {
    const failure = { code: "TimeoutError", message: "slow", mayHaveActed: true };
    const states: [string, PersonState][] = [
      ["user:u0", { state: "done" }],
      [
        "user:u1",
        {
          state: "failed",
          batch: 1,
          failure: { ...failure, code: "paramsError", mayHaveActed: false },
        },
      ],
      ["user:u2", { state: "ambiguous", batch: 2 }],
      ["user:u3", { state: "ambiguous", batch: 3, failure }],
    ];
    const journal: JournalReplay = { people: new Map(states), nextBatch: 4 };
    const plan = planRun(peopleOf(users(5)), journal, { batchSize: 20, retryAmbiguous: false });
    expect([...plan.batches()].map((b) => [b.number, keysOf(b.people)])).toEqual([
      [4, ["user:u1", "user:u4"]],
    ]);
    expect(plan).toMatchObject({ toSend: 2, batchCount: 1, alreadyInvited: 1 });
    expect(plan.ambiguous).toEqual([
      { batch: 2, people: [users(5)[2]] },
      { batch: 3, people: [users(5)[3]], reason: "TimeoutError: slow" },
    ]);

    const retry = planRun(peopleOf(users(5)), journal, { batchSize: 20, retryAmbiguous: true });
    expect([...retry.batches()].map((b) => keysOf(b.people))).toEqual([
      ["user:u1", "user:u2", "user:u3", "user:u4"],
    ]);
    expect(retry).toMatchObject({ toSend: 4, batchCount: 1 });
  });
});

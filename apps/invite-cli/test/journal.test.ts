import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JournalError } from "../src/errors.js";
import { JournalWriter, replayJournal } from "../src/journal/journal.js";

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "journal-test-"));
  path = join(dir, "run.journal");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(...records: object[]): void {
  const writer = JournalWriter.open(path);
  for (const record of records) writer.append(record as Parameters<JournalWriter["append"]>[0]);
  writer.close();
}

describe("journal", () => {
  it("is empty when the file does not exist yet", async () => {
    expect(await replayJournal(path, "c1")).toEqual({ people: new Map(), nextBatch: 1 });
  });

  it("appends one JSON line per record, so a crash loses at most the line being written", async () => {
    write(
      { type: "run", conferenceId: "c1", at: "t" },
      { type: "pending", batch: 1, people: ["user:a"] },
    );
    expect(readFileSync(path, "utf8").split("\n")).toEqual([
      '{"type":"run","conferenceId":"c1","at":"t"}',
      '{"type":"pending","batch":1,"people":["user:a"]}',
      "",
    ]);
  });

  it("replays each person's latest outcome; pending without an outcome is ambiguous", async () => {
    const unknownUser = {
      code: "unknownUserError",
      message: "m",
      requestId: "r2",
      mayHaveActed: false,
    };
    const timeout = { code: "TimeoutError", message: "slow", mayHaveActed: true };
    write(
      { type: "run", conferenceId: "c1", at: "t" },
      { type: "pending", batch: 1, people: ["user:a", "phone:1"] },
      { type: "pending", batch: 2, people: ["user:b"] },
      { type: "pending", batch: 3, people: ["user:c"] },
      { type: "pending", batch: 4, people: ["user:d"] },
      { type: "done", batch: 1, requestId: "r1" },
      { type: "failed", batch: 2, ...unknownUser },
      { type: "failed", batch: 4, ...timeout },
      { type: "run", conferenceId: "c1", at: "t2" },
      { type: "pending", batch: 5, people: ["user:b"] },
      { type: "done", batch: 5 },
    );
    const replay = await replayJournal(path, "c1");
    expect(replay.nextBatch).toBe(6);
    const keys = ["user:a", "phone:1", "user:b", "user:c", "user:d", "user:never-sent"];
    expect(Object.fromEntries(keys.map((key) => [key, replay.people.get(key)]))).toEqual({
      "user:a": { state: "done" },
      "phone:1": { state: "done" },
      "user:b": { state: "done" },
      "user:c": { state: "ambiguous", batch: 3 },
      "user:d": { state: "ambiguous", batch: 4, failure: timeout },
      "user:never-sent": undefined,
    });
  });

  it("keeps a surely-failed batch as failed, to be re-sent by a plain resume", async () => {
    const failure = { code: "paramsError", message: "m", mayHaveActed: false };
    write(
      { type: "pending", batch: 1, people: ["user:a"] },
      { type: "failed", batch: 1, ...failure },
    );
    expect((await replayJournal(path, "c1")).people.get("user:a")).toEqual({
      state: "failed",
      batch: 1,
      failure,
    });
  });

  it("ignores a torn last line, and the writer cuts it off before appending", async () => {
    write({ type: "pending", batch: 1, people: ["user:a"] });
    appendFileSync(path, '{"type":"done","bat');
    expect((await replayJournal(path, "c1")).people.get("user:a")).toEqual({
      state: "ambiguous",
      batch: 1,
    });
    write({ type: "done", batch: 1 });
    expect(readFileSync(path, "utf8")).toBe(
      '{"type":"pending","batch":1,"people":["user:a"]}\n{"type":"done","batch":1}\n',
    );
    expect((await replayJournal(path, "c1")).people.get("user:a")).toEqual({ state: "done" });
  });

  it("ignores a torn last line that parses, as the writer cuts it off too", async () => {
    write({ type: "pending", batch: 1, people: ["user:a"] });
    appendFileSync(path, '{"type":"done","batch":1}');
    expect((await replayJournal(path, "c1")).people.get("user:a")).toEqual({
      state: "ambiguous",
      batch: 1,
    });
    JournalWriter.open(path).close();
    expect(readFileSync(path, "utf8")).toBe('{"type":"pending","batch":1,"people":["user:a"]}\n');
  });

  it("refuses a record of the wrong shape with its line number, not a TypeError", async () => {
    const pending = '{"type":"pending","batch":1,"people":["user:a"]}';
    for (const [line, message] of [
      ["null", "not a journal record (not a JSON object)"],
      ['"text"', "not a journal record (not a JSON object)"],
      ['{"type":"pending"}', "pending record without an integer batch"],
      ['{"type":"pending","batch":2}', "pending record whose people are not a list of person keys"],
      ['{"type":"pending","batch":2,"people":[3]}', "pending record whose people are not a list"],
      ['{"type":"done","batch":"1"}', "done record without an integer batch"],
      ['{"type":"failed","batch":1}', "failed record without code, message and mayHaveActed"],
      ['{"type":"run"}', "run record without a conferenceId"],
      ['{"type":"sent","batch":1}', "unknown record type"],
    ]) {
      writeFileSync(path, `${pending}\n${line}\n`);
      const replay = replayJournal(path, "c1");
      await expect(replay).rejects.toThrow(JournalError);
      await expect(replay).rejects.toThrow(`${path}:2: ${message}`);
    }
  });

  it("refuses a corrupt line in the middle, with its line number", async () => {
    writeFileSync(
      path,
      '{"type":"pending","batch":1,"people":["user:a"]}\nnot json\n{"type":"done","batch":1}\n',
    );
    await expect(replayJournal(path, "c1")).rejects.toThrow(JournalError);
    await expect(replayJournal(path, "c1")).rejects.toThrow(`${path}:2: not a journal record`);
  });

  it("refuses a journal of another conference", async () => {
    write({ type: "run", conferenceId: "c1", at: "t" });
    await expect(replayJournal(path, "c2")).rejects.toThrow("belongs to conference c1, not c2");
  });

  it("refuses an outcome whose batch was never pending", async () => {
    write({ type: "done", batch: 7 });
    await expect(replayJournal(path, "c1")).rejects.toThrow(
      "outcome of batch 7, which was never pending",
    );
  });
});

import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as yieldToEvents } from "node:timers/promises";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { JournalError } from "../src/errors.js";
import { JournalLock } from "../src/journal/journal-lock.js";
import { type InviteServer, startInviteServer } from "./fixtures/invite-server.js";
import { assertCliBuilt, type CliExit, deadPid, spawnCli } from "./fixtures/spawn-cli.js";

let dir: string;
let journal: string;
let server: InviteServer | undefined;
beforeAll(assertCliBuilt);
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "journal-lock-test-"));
  journal = join(dir, "run.journal");
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe("the journal lock", () => {
  it("is taken over from a dead run, and refused while a live run holds it", () => {
    writeFileSync(`${journal}.lock`, String(deadPid()));
    const lock = JournalLock.acquire(journal);
    // This process holds it now, and this process is running.
    expect(() => JournalLock.acquire(journal)).toThrow(
      `in use by another dingtalk-invite run (pid ${process.pid})`,
    );
    lock.release();
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it("leaves a dead run's lock to the run already taking it over, rather than racing it", () => {
    writeFileSync(`${journal}.lock`, String(deadPid()));
    // Another live run holds the takeover guard: it may be about to write its own lock.
    writeFileSync(`${journal}.lock.takeover`, `${process.pid} other-run`);
    expect(() => JournalLock.acquire(journal)).toThrow(
      "another dingtalk-invite run is taking over",
    );
    rmSync(`${journal}.lock.takeover`);
    JournalLock.acquire(journal).release();
    expect(existsSync(`${journal}.lock.takeover`)).toBe(false);
  });

  it("is not deleted on release once another run has taken it over", () => {
    const lock = JournalLock.acquire(journal);
    writeFileSync(`${journal}.lock`, "4242 another-run");
    lock.release();
    expect(readFileSync(`${journal}.lock`, "utf8")).toBe("4242 another-run");
  });

  it("says which path it cannot create, as a JournalError (exit 2, not a stack trace)", () => {
    const missing = join(dir, "no-such-dir", "run.journal");
    expect(() => JournalLock.acquire(missing)).toThrow(JournalError);
    expect(() => JournalLock.acquire(missing)).toThrow(`${missing}: cannot lock ${missing}.lock`);
  });

  it("is never seen half-written: another run finds no lock, or one naming its owner", async () => {
    // A lock seen empty would name no live owner and be taken over as stale while its
    // owner goes on: two runs would send. Another process reads the lock while this one
    // takes and releases it, until it has seen it held a few hundred times.
    const watcher = spawn(process.execPath, [
      "-e",
      `const { readFileSync } = require("node:fs");
       let held = 0, empty = 0;
       while (held < 500) {
         try { readFileSync(process.argv[1], "utf8") === "" ? empty++ : held++; } catch {}
       }
       process.stdout.write(JSON.stringify({ held, empty }));`,
      `${journal}.lock`,
    ]);
    let report = "";
    watcher.stdout.on("data", (chunk) => {
      report += chunk;
    });
    // "close", not "exit": only then has all it wrote been read.
    let closed = false;
    const watched = once(watcher, "close").then(() => {
      closed = true;
    });
    while (!closed) {
      for (let i = 0; i < 50; i++) JournalLock.acquire(journal).release();
      await yieldToEvents();
    }
    await watched;
    expect(JSON.parse(report)).toEqual({ held: 500, empty: 0 });
    // Nothing is left beside the journal.
    expect(readdirSync(dir)).toEqual([]);
  });

  it("lets exactly one of several runs racing over a dead run's lock send", async () => {
    const runs = 6;
    writeFileSync(`${journal}.lock`, String(deadPid()));
    // The winner's reply is held until every other run has stopped: all of them race
    // while one holds the lock, and a second winner would show up as a second request.
    let releaseReplies = () => {};
    const replies = new Promise<void>((resolve) => {
      releaseReplies = resolve;
    });
    let stopped = 0;
    const releaseWhenSettled = () => {
      if (stopped + (server?.received.length ?? 0) >= runs) releaseReplies();
    };
    server = await startInviteServer({
      holdReply: () => {
        queueMicrotask(releaseWhenSettled);
        return replies;
      },
    });
    const url = server.url;
    const args = ["conf1", "--token", "t", "--base-url", url, "--user", "union1:User 1"];
    const exits: CliExit[] = await Promise.all(
      Array.from({ length: runs }, () =>
        spawnCli([...args, "--journal", journal], dir).exited.then((exit) => {
          stopped++;
          releaseWhenSettled();
          return exit;
        }),
      ),
    );
    expect(server.received).toHaveLength(1);
    expect(exits.map((e) => e.code).sort()).toEqual([0, ...Array(runs - 1).fill(2)]);
    for (const refused of exits.filter((e) => e.code === 2)) {
      expect(refused.stderr).toMatch(
        /in use by another dingtalk-invite run|another dingtalk-invite run is taking over its lock/,
      );
    }
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/in-process.js";
import type { RunSummary } from "../src/summary/summary.js";
import { type InviteServer, startInviteServer } from "./fixtures/invite-server.js";
import { writePeopleCsv } from "./fixtures/people-csv.js";
import { assertCliBuilt, seededRandom, spawnCli } from "./fixtures/spawn-cli.js";

/** Set CRASH_SEED to replay a failing run; each repetition derives its own seed from it. */
const baseSeed = Number(process.env.CRASH_SEED ?? 20_260_607);
const repetitions = 8;
const people = 60;
const batchSize = 4;
const concurrency = 3;
const batches = Math.ceil(people / batchSize);

/**
 * Where the kill lands. Every other repetition holds the answer to the request that
 * triggers the kill until the process is dead, so that batch is surely in flight; the
 * others kill a random few ms after a random request, landing before, between or
 * during requests and journal writes.
 */
interface KillPlan {
  /** Kill once the server has received this many requests (0: a few ms after start). */
  readonly afterRequests: number;
  readonly holdReplies: boolean;
  readonly extraDelayMs: number;
}

function killPlan(random: () => number, repetition: number): KillPlan {
  const holdReplies = repetition % 2 === 0;
  return {
    afterRequests: holdReplies
      ? 1 + Math.floor(random() * batches)
      : Math.floor(random() * (batches + 1)),
    holdReplies,
    extraDelayMs: Math.floor(random() * 40),
  };
}

/** How long the server takes to answer each request: none at all for half the runs. */
function replyDelays(random: () => number): number[] {
  const slow = random() < 0.5;
  return Array.from({ length: 4 * batches }, () => (slow ? Math.floor(random() * 30) : 0));
}

/** What each repetition saw, for the check across all of them at the end. */
const seen: { killed: boolean; ambiguousBatches: number; rungTwice: number }[] = [];

let server: InviteServer | undefined;
let dir: string | undefined;
beforeAll(assertCliBuilt);
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("kill -9 at a random point, then resume, against a server that counts rings per person", () => {
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const seed = baseSeed + repetition;
    it(`seed ${seed}: --resume rings nobody twice; --resume --retry-ambiguous leaves nobody uninvited`, async () => {
      const random = seededRandom(seed);
      const plan = killPlan(random, repetition);
      const delays = replyDelays(random);
      let victimAlive = true;
      let kill = () => {};
      let victimDied = () => {};
      const victimDead = new Promise<void>((resolve) => {
        victimDied = resolve;
      });
      server = await startInviteServer({
        holdReply: (invite) => {
          if (!victimAlive) return 0;
          if (invite.index + 1 === plan.afterRequests) setTimeout(() => kill(), plan.extraDelayMs);
          const held = plan.holdReplies && invite.index + 1 >= plan.afterRequests;
          return held ? victimDead : (delays[invite.index] ?? 0);
        },
      });

      dir = mkdtempSync(join(tmpdir(), `crash-${seed}-`));
      const csv = writePeopleCsv(dir, people);
      const args = [
        "conf1",
        "--csv",
        csv.path,
        "--token",
        "crash-test-token",
        "--base-url",
        server.url,
        "--batch-size",
        String(batchSize),
        "--concurrency",
        String(concurrency),
        "--rate",
        "500",
      ];

      const victim = spawnCli(args, dir);
      kill = () => victim.child.kill("SIGKILL");
      // Node takes some 100-300 ms to start here: early kills land before the first request.
      if (plan.afterRequests === 0) setTimeout(kill, plan.extraDelayMs * 10);
      const killed = await victim.exited;
      victimAlive = false;
      victimDied();
      // Killed mid-run, or (a kill after the last request) finished first.
      expect(killed.signal === "SIGKILL" || killed.code === 0, killed.stderr).toBe(true);
      const rungByKilledRun = new Set(server.received.flatMap((r) => r.people));
      const rings = (key: string) => server?.rings.get(key) ?? 0;

      // The victim is a real process, to be killed; the runs after it go in this one.
      // 1. A plain resume: nobody rung twice, everyone outside an ambiguous batch rung once.
      const resumed = await runCli([...args, "--resume", "--json"], { cwd: dir });
      const summary = JSON.parse(resumed.stdout) as RunSummary;
      const ambiguous = new Set(summary.ambiguousBatches.flatMap((b) => b.people));
      for (const key of csv.keys) {
        expect(rings(key), key).toBeLessThanOrEqual(1);
        if (!ambiguous.has(key)) expect(rings(key), key).toBe(1);
      }
      // Only the batches in flight at the kill can be ambiguous.
      expect(summary.ambiguousBatches.length).toBeLessThanOrEqual(concurrency);
      expect(resumed.code, resumed.stderr).toBe(ambiguous.size > 0 ? 1 : 0);

      // 2. Re-sending the ambiguous batches: nobody uninvited; only people of the batches in
      // flight at the kill (and which the server had received by then) maybe twice.
      const retried = await runCli([...args, "--resume", "--retry-ambiguous"], { cwd: dir });
      expect(retried.code, retried.stdout + retried.stderr).toBe(0);
      for (const key of csv.keys) {
        expect(rings(key), key).toBeGreaterThanOrEqual(1);
        expect(rings(key), key).toBeLessThanOrEqual(2);
        if (rings(key) > 1) {
          expect(ambiguous.has(key), key).toBe(true);
          expect(rungByKilledRun.has(key), key).toBe(true);
        }
      }

      seen.push({
        killed: killed.signal === "SIGKILL",
        ambiguousBatches: summary.ambiguousBatches.length,
        rungTwice: csv.keys.filter((key) => rings(key) > 1).length,
      });
    });
  }

  // Without this, every kill could land before the first request or after the last one,
  // and the properties above would hold without ever being put to the test.
  it("across the repetitions, at least one kill landed with a batch in flight that --retry-ambiguous rang again", () => {
    expect(seen, "every repetition above must have run").toHaveLength(repetitions);
    expect(seen.filter((s) => s.killed).length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.ambiguousBatches > 0).length).toBeGreaterThan(0);
    // The second ring of a batch the server had rung before the kill: the per-person
    // counts above see double rings, and none landed outside such a batch.
    expect(seen.filter((s) => s.rungTwice > 0).length).toBeGreaterThan(0);
  });
});

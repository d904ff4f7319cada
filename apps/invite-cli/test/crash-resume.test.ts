import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunSummary } from "../src/summary.js";
import { type InviteServer, startInviteServer } from "./fixtures/invite-server.js";
import { writePeopleCsv } from "./fixtures/people-csv.js";
import { assertCliBuilt, seededRandom, spawnCli } from "./fixtures/spawn-cli.js";

/** Set CRASH_SEED to replay a failing run; each repetition derives its own seed from it. */
const baseSeed = Number(process.env.CRASH_SEED ?? 20_260_607);
const repetitions = 8;
const people = 60;
const batchSize = 4;
const concurrency = 3;

let server: InviteServer | undefined;
beforeAll(assertCliBuilt);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("kill -9 at a random point, then resume, against a server that counts rings per person", () => {
  for (let repetition = 0; repetition < repetitions; repetition++) {
    const seed = baseSeed + repetition;
    it(`seed ${seed}: --resume rings nobody twice; --resume --retry-ambiguous leaves nobody uninvited`, async () => {
      const random = seededRandom(seed);
      const batches = Math.ceil(people / batchSize);
      // Kill when the server has seen `killAt` requests (0: right after start), plus a
      // random few ms, so the kill lands before, between or during requests.
      const killAt = Math.floor(random() * (batches + 1));
      const extraDelayMs = Math.floor(random() * 15);
      const replyDelays = Array.from({ length: 4 * batches }, () => Math.floor(random() * 30));
      let kill: () => void = () => {};
      server = await startInviteServer({
        holdReply: (invite) => {
          if (invite.index + 1 === killAt) setTimeout(() => kill(), extraDelayMs);
          return replyDelays[invite.index] ?? 0;
        },
      });

      const dir = mkdtempSync(join(tmpdir(), `crash-${seed}-`));
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
      if (killAt === 0) setTimeout(kill, extraDelayMs * 10);
      const killed = await victim.exited;
      // Killed mid-run, or (a kill after the last request) finished first.
      expect(killed.signal === "SIGKILL" || killed.code === 0).toBe(true);

      // 1. A plain resume: nobody rung twice, everyone outside an ambiguous batch rung once.
      const resumed = await spawnCli([...args, "--resume", "--json"], dir).exited;
      const summary = JSON.parse(resumed.stdout) as RunSummary;
      const ambiguous = new Set(summary.ambiguousBatches.flatMap((b) => b.people));
      for (const key of csv.keys) {
        const rings = server.rings.get(key) ?? 0;
        expect(rings, key).toBeLessThanOrEqual(1);
        if (!ambiguous.has(key)) expect(rings, key).toBe(1);
      }
      // Only the batches in flight at the kill can be ambiguous.
      expect(summary.ambiguousBatches.length).toBeLessThanOrEqual(concurrency);
      expect(resumed.code).toBe(ambiguous.size > 0 ? 1 : 0);

      // 2. Re-sending the ambiguous batches: nobody uninvited, only their people maybe twice.
      const retried = await spawnCli([...args, "--resume", "--retry-ambiguous"], dir).exited;
      expect(retried.code, retried.stdout + retried.stderr).toBe(0);
      for (const key of csv.keys) {
        const rings = server.rings.get(key) ?? 0;
        expect(rings, key).toBeGreaterThanOrEqual(1);
        if (rings > 1) expect(ambiguous.has(key), key).toBe(true);
        expect(rings, key).toBeLessThanOrEqual(2);
      }
    });
  }
});

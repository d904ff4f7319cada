import { spawnSync } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../src/in-process.js";
import { main } from "../src/main.js";
import type { RunSummary } from "../src/summary/summary.js";
import {
  appCredentials,
  dingTalkError,
  type InviteServer,
  issuedToken,
  ok,
  startInviteServer,
} from "./fixtures/invite-server.js";
import { writePeopleCsv } from "./fixtures/people-csv.js";
import { deadPid } from "./fixtures/spawn-cli.js";

const token = "token-do-not-print";
/** Beside each printed command of a run given --token, which the command leaves out. */
const giveTokenAgain = "(give the token again: DINGTALK_ACCESS_TOKEN or --token)";
let dir: string;
let server: InviteServer | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "invite-run-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const base = (url: string, accessToken = token) => [
  "conf1",
  "--token",
  accessToken,
  "--base-url",
  url,
  "--rate",
  "1000",
];
/** The CSV's people in batches of `batchSize`, one request at a time: requests come in batch order. */
const oneByOne = (url: string, csvPath: string, batchSize: number, accessToken = token) => [
  ...base(url, accessToken),
  "--csv",
  csvPath,
  "--batch-size",
  String(batchSize),
  "--concurrency",
  "1",
];
const ringCounts = (s: InviteServer, keys: readonly string[]) =>
  keys.map((k) => s.rings.get(k) ?? 0);
/** The command line a printed step ends with: from the program's name on. */
const commandOf = (step: string | undefined) => step?.slice(step.indexOf("dingtalk-invite ")) ?? "";
/** The words a POSIX shell makes of a command line, as a user pasting it would run it. */
const shellWords = (command: string) =>
  spawnSync("/bin/sh", ["-c", `printf '%s\\n' ${command}`], { encoding: "utf8" })
    .stdout.split("\n")
    .slice(0, -1);

/**
 * Runs main in this process with a stdout whose writes fail: a summary that cannot be
 * written stands for any failure outside the input's fault. Resolves to the exit code
 * and what was printed on stderr.
 */
async function runWithBrokenStdout(args: readonly string[]) {
  const stderr = new PassThrough();
  let printed = "";
  stderr.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  const stdout = {
    write: () => {
      throw new Error("write EIO");
    },
  } as unknown as NodeJS.WritableStream;
  const code = await main(args, { stdout, stderr, env: {}, cwd: dir });
  return { code, printed };
}

describe("a run against a scripted DingTalk on loopback", () => {
  it("invites everyone once, in batches of --batch-size, and exits 0", async () => {
    server = await startInviteServer();
    const csv = writePeopleCsv(dir, 45);
    const run = await runCli(
      [...base(server.url), "--csv", csv.path, "--batch-size", "20", "--operator", "op1"],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(server.received.map((r) => r.people.length)).toEqual([20, 20, 5]);
    expect(
      server.received.every(
        (r) => r.token === token && r.body.unionId === "op1" && r.conferenceId === "conf1",
      ),
    ).toBe(true);
    expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
    expect(run.stdout).toMatch(/invited\s+45\s+in 3 batches/);
    expect(existsSync(`${csv.path}.conf1.journal`)).toBe(true);
  });

  it("invites a person given both as a flag and in the CSV once", async () => {
    server = await startInviteServer();
    const csv = writePeopleCsv(dir, 3);
    const run = await runCli(
      [
        ...base(server.url),
        "--csv",
        csv.path,
        "--user",
        "union0:From flag",
        "--phone",
        "13800000002",
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.body.inviteeList).toEqual([
      { unionId: "union0", nick: "From flag" },
      { unionId: "union1", nick: "User 1" },
    ]);
    expect(server.received[0]?.body.phoneInviteeList).toEqual([{ phoneNumber: "13800000002" }]);
    expect(run.stdout).toContain("2 duplicates merged");
  });

  it("rides out throttling mid-run through the client's retry, ringing nobody twice", async () => {
    // The third and fourth requests are throttled; the client waits and retries them.
    server = await startInviteServer({
      reply: (invite) =>
        invite.index === 2 || invite.index === 3
          ? dingTalkError(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi")
          : undefined,
    });
    const csv = writePeopleCsv(dir, 50);
    const run = await runCli(oneByOne(server.url, csv.path, 10), { cwd: dir });
    expect(run.code).toBe(0);
    expect(server.received).toHaveLength(7);
    expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
  });

  it("reports a batch failing with unknownUserError by code and requestId; --resume re-sends only that batch", async () => {
    let unknownUserFixed = false;
    server = await startInviteServer({
      reply: (invite) =>
        !unknownUserFixed && invite.people.includes("user:union4")
          ? dingTalkError(400, "unknownUserError")
          : undefined,
    });
    const csv = writePeopleCsv(dir, 12);
    const args = [...base(server.url), "--csv", csv.path, "--batch-size", "5"];
    const first = await runCli([...args, "--json"], { cwd: dir });
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout) as RunSummary;
    expect(summary).toMatchObject({ invited: 7, failed: 5, ambiguous: 0, notSent: 0 });
    expect(summary.failures).toEqual([
      {
        code: "unknownUserError",
        message: expect.any(String),
        people: 5,
        batches: [1],
        requestIds: ["req-unknownUserError"],
      },
    ]);
    expect(summary.next.join("\n")).toContain("--resume");
    expect(ringCounts(server, csv.keys)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);

    const human = await runCli([...args, "--resume", "--dry-run"], { cwd: dir });
    expect(human.stdout).toMatch(/to invite\s+5\s+in 1 batch\n/);
    expect(human.stdout).toContain("7 already invited");

    unknownUserFixed = true;
    const resumed = await runCli([...args, "--resume"], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(server.received.map((r) => r.people.length)).toEqual([5, 5, 2, 5]);
    expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
  });

  it("keeps a batch answered 500 as ambiguous: a plain resume holds it back, --retry-ambiguous re-sends it", async () => {
    let failOnce = true;
    server = await startInviteServer({
      reply: (invite) => {
        if (failOnce && invite.people.includes("user:union6")) {
          failOnce = false;
          return dingTalkError(500, "systemError", true);
        }
        return undefined;
      },
    });
    const csv = writePeopleCsv(dir, 9);
    const args = [...base(server.url), "--csv", csv.path, "--batch-size", "3"];
    const first = await runCli(args, { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/ambiguous\s+3\n/);
    expect(first.stdout).toContain("? batch 3 (systemError");
    expect(first.stdout).toContain(
      "Next: 1 ambiguous batch may have been rung: check with its invitees, then send it again (they may be rung twice)",
    );
    expect(first.stdout).toContain("--retry-ambiguous");

    const plain = await runCli([...args, "--resume", "--json"], { cwd: dir });
    expect(plain.code).toBe(1);
    expect(JSON.parse(plain.stdout)).toMatchObject({
      invited: 0,
      ambiguous: 3,
      skipped: { alreadyInvited: 6 },
    });
    expect(server.received).toHaveLength(3);

    const retried = await runCli([...args, "--resume", "--retry-ambiguous"], { cwd: dir });
    expect(retried.code).toBe(0);
    expect(ringCounts(server, csv.keys)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2]);
  });

  it("counts a 200 whose body cannot be read as ambiguous, not as failed: the server accepted it", async () => {
    server = await startInviteServer({
      reply: (invite) =>
        invite.index === 0
          ? { status: 200, body: "<html>gateway page</html>", rings: true }
          : undefined,
    });
    const csv = writePeopleCsv(dir, 4);
    const args = oneByOne(server.url, csv.path, 2);
    const run = await runCli([...args, "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ invited: 2, failed: 0, ambiguous: 2 });
    const resumed = await runCli([...args, "--resume"], { cwd: dir });
    expect(ringCounts(server, csv.keys)).toEqual([1, 1, 1, 1]);
    expect(resumed.stdout).toContain("? batch 1");
  });

  it("counts a connection cut after the request arrived as ambiguous", async () => {
    server = await startInviteServer({
      reply: (invite) => (invite.index === 0 ? { ...ok("cut"), drop: true } : undefined),
    });
    const csv = writePeopleCsv(dir, 4);
    const args = oneByOne(server.url, csv.path, 2);
    const run = await runCli([...args, "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ invited: 2, failed: 0, ambiguous: 2 });
    expect(JSON.parse(run.stdout).ambiguousBatches).toEqual([
      {
        batch: 1,
        people: csv.keys.slice(0, 2),
        reason: expect.stringContaining("ConnectionError"),
      },
    ]);
  });

  it("counts a refused connection as surely failed, so the printed command (with --skip-invalid) sends the batch", async () => {
    /**
     * A run against a port nobody listens on, then a server brought back on that port,
     * which the printed command names. The port is free in between, so another process
     * may take it: then there is no server back, and the caller starts over on a new
     * port rather than wait for that one, which stays taken as long as its taker likes.
     */
    const refusedRun = async (attempt: number) => {
      const closedPort = await startInviteServer();
      await closedPort.close();
      const closedUrl = closedPort.url;
      const csv = writePeopleCsv(dir, 3, `people-${attempt}.csv`);
      appendFileSync(csv.path, "union9,,\n");
      const refused = await runCli(
        [...base(closedUrl), "--csv", csv.path, "--skip-invalid", "--json"],
        { cwd: dir },
      );
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({
        failed: 3,
        ambiguous: 0,
        skipped: { invalidRows: 1 },
      });
      expect(JSON.parse(refused.stdout).failures[0].code).toBe("ConnectionError");
      const next = JSON.parse(refused.stdout).next as string[];
      expect(next).toEqual([
        `send the failed and unsent batches again ${giveTokenAgain}: dingtalk-invite conf1 --csv ${csv.path} --base-url ${closedUrl} --rate 1000 --skip-invalid --resume`,
      ]);
      const back = await startInviteServer({ port: Number(new URL(closedUrl).port) }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === "EADDRINUSE") return undefined;
          throw error;
        },
      );
      return { csv, next, back };
    };
    let run = await refusedRun(1);
    for (let attempt = 2; !run.back && attempt <= 3; attempt++) run = await refusedRun(attempt);
    const { csv, next, back } = run;
    if (!back) throw new Error("another process took the refused run's port, 3 times over");
    server = back;

    // Pasted into a shell once the host is back (with the token in the environment), it
    // continues the run: without --skip-invalid the bad row would stop it with exit 2.
    const resumed = await runCli(shellWords(commandOf(next[0])).slice(1), {
      cwd: dir,
      env: { DINGTALK_ACCESS_TOKEN: token },
    });
    expect(resumed.code).toBe(0);
    expect(ringCounts(server, csv.keys)).toEqual([1, 1, 1]);
  });

  it("says 1 person, and ends with the whole command to copy, without the token", async () => {
    let unknownUserFixed = false;
    server = await startInviteServer({
      reply: () => (unknownUserFixed ? undefined : dingTalkError(400, "unknownUserError")),
    });
    const args = [...base(server.url), "--user", "u1:Zhang Wei", "--operator", "op1"];
    const failed = await runCli(args, { cwd: dir });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/invited\s+0\s+in 0 batches\n/);
    expect(failed.stdout).toContain("✗ unknownUserError (1 person, batch 1): ");
    const next = failed.stdout.split("\n").filter((line) => line.startsWith("Next: "));
    expect(next).toHaveLength(1);
    expect(next[0]).toContain(
      `unknownUserError in 1 batch: check its unionIds and fix the input, then ${giveTokenAgain}: dingtalk-invite`,
    );
    expect(failed.stdout + failed.stderr).not.toContain(token);
    const command = commandOf(next[0]);
    expect(command).toBe(
      `dingtalk-invite conf1 --user 'u1:Zhang Wei' --operator op1 --base-url ${server.url} --rate 1000 --resume`,
    );

    // Pasted into a shell (with the token in the environment), it continues the run.
    unknownUserFixed = true;
    const resumed = await runCli(shellWords(command).slice(1), {
      cwd: dir,
      env: { DINGTALK_ACCESS_TOKEN: token },
    });
    expect(resumed.code).toBe(0);
    expect(server.received.at(-1)?.body).toEqual({
      unionId: "op1",
      inviteeList: [{ unionId: "u1", nick: "Zhang Wei" }],
    });
    expect(ringCounts(server, ["user:u1"])).toEqual([1]);
  });

  it("creates the journal and its lock readable by their owner only, under a umask of 022", async () => {
    const journal = join(dir, "private.journal");
    let lockMode: number | undefined;
    server = await startInviteServer({
      reply: () => {
        lockMode = statSync(`${journal}.lock`).mode & 0o777;
        return undefined;
      },
    });
    const umask = process.umask(0o022);
    try {
      writeFileSync(join(dir, "control"), "");
      const run = await runCli([...base(server.url), "--user", "u1:User 1", "--journal", journal], {
        cwd: dir,
      });
      expect(run.code).toBe(0);
    } finally {
      process.umask(umask);
    }
    // The umask was in effect: a file created without a mode is readable by all.
    expect(statSync(join(dir, "control")).mode & 0o777).toBe(0o644);
    expect(lockMode).toBe(0o600);
    expect(statSync(journal).mode & 0o777).toBe(0o600);
  });

  it("makes an empty journal file it is given private before writing to it, under a umask of 022", async () => {
    server = await startInviteServer();
    const journal = join(dir, "empty.journal");
    const umask = process.umask(0o022);
    try {
      // As `: > empty.journal` in a shell makes it.
      writeFileSync(journal, "");
      expect(statSync(journal).mode & 0o777).toBe(0o644);
      const run = await runCli([...base(server.url), "--user", "u1:User 1", "--journal", journal], {
        cwd: dir,
      });
      expect(run.code).toBe(0);
    } finally {
      process.umask(umask);
    }
    expect(readFileSync(journal, "utf8")).toContain('"user:u1"');
    expect(statSync(journal).mode & 0o777).toBe(0o600);
  });

  it("warns in one line, and goes on, when it resumes a journal others can read", async () => {
    server = await startInviteServer();
    const journal = join(dir, "shared.journal");
    const args = [...base(server.url), "--user", "u1:User 1", "--journal", journal];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    chmodSync(journal, 0o644);
    const resumed = await runCli([...args, "--user", "u2:User 2", "--resume"], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr.split("\n").filter((line) => line.includes("warning"))).toEqual([
      `dingtalk-invite: warning: other users can read ${journal} (mode 644), which holds personal data (unionIds, phone numbers); run chmod 600 on it`,
    ]);
    expect(server.received.map((r) => r.people)).toEqual([["user:u1"], ["user:u2"]]);

    chmodSync(journal, 0o600);
    const quiet = await runCli([...args, "--resume", "--dry-run"], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe("");
  });

  it("on Ctrl-C starts no new batch, journals those in flight, and --resume sends the rest", async () => {
    const stop = new AbortController();
    server = await startInviteServer({
      reply: (invite) => {
        if (invite.index === 1) stop.abort();
        return undefined;
      },
    });
    const csv = writePeopleCsv(dir, 10);
    const args = oneByOne(server.url, csv.path, 2);
    const stopped = await runCli([...args, "--json"], { cwd: dir, stop: stop.signal });
    expect(stopped.code).toBe(1);
    expect(JSON.parse(stopped.stdout)).toMatchObject({ invited: 4, notSent: 6, ambiguous: 0 });

    const resumed = await runCli([...args, "--resume"], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
  });

  it("refuses a second run on a journal in use, and takes over the lock of a killed one", async () => {
    server = await startInviteServer();
    const journal = join(dir, "busy.journal");
    const args = [...base(server.url), "--user", "u1:User 1", "--journal", journal];
    writeFileSync(`${journal}.lock`, String(process.pid));
    const busy = await runCli(args, { cwd: dir });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`in use by another dingtalk-invite run (pid ${process.pid})`);
    expect(server.received).toHaveLength(0);

    writeFileSync(`${journal}.lock`, String(deadPid()));
    const takenOver = await runCli(args, { cwd: dir });
    expect(takenOver.code).toBe(0);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it("lets only one of two runs started together send, also when the first ends before the second would lock", async () => {
    // The second run's token is held until the first run has ended: a journal check made
    // before the lock would have passed for both, and the second would send everyone again.
    let firstEnded = () => {};
    const firstRunEnded = new Promise<void>((resolve) => {
      firstEnded = resolve;
    });
    server = await startInviteServer({
      holdTokenReply: (index) => (index === 0 ? 0 : firstRunEnded),
    });
    const csv = writePeopleCsv(dir, 6);
    const args = ["conf1", "--base-url", server.url, "--csv", csv.path];
    const env = {
      DINGTALK_APP_KEY: appCredentials.appKey,
      DINGTALK_APP_SECRET: appCredentials.appSecret,
    };
    const first = runCli(args, { cwd: dir, env });
    const second = runCli(args, { cwd: dir, env });
    const firstRun = await first;
    firstEnded();
    const secondRun = await second;
    expect(firstRun.code).toBe(0);
    expect(secondRun.code).toBe(2);
    expect(secondRun.stderr).toContain("in use by another dingtalk-invite run");
    expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
  });

  it.each([
    [400, "InvalidAuthentication"],
    [403, "Forbidden.AccessDenied.AccessTokenPermissionDenied"],
  ])(
    "stops at the first batch refused for its token (%i %s): exit 2, nobody invited, --resume with a good token sends everyone",
    async (status, code) => {
      server = await startInviteServer({
        reply: (invite) => (invite.token === token ? undefined : dingTalkError(status, code)),
      });
      const csv = writePeopleCsv(dir, 12);
      const args = (accessToken: string) =>
        oneByOne(server?.url as string, csv.path, 3, accessToken);
      const refused = await runCli([...args("expired-token"), "--json"], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`the access token was refused (${code}`);
      expect(refused.stderr).toContain("nobody was invited");
      expect(refused.stderr).toContain(
        `then continue with: dingtalk-invite conf1 --csv ${csv.path} --base-url ${server?.url} --batch-size 3 --rate 1000 --concurrency 1 --resume\n`,
      );
      // Given with --token, yet not told to give it again: the line asks for a new one.
      expect(refused.stderr).not.toContain(giveTokenAgain);
      expect(server.received).toHaveLength(1);
      expect(JSON.parse(refused.stdout)).toMatchObject({ invited: 0, failed: 3, notSent: 9 });

      const resumed = await runCli([...args(token), "--resume"], { cwd: dir });
      expect(resumed.code).toBe(0);
      expect(ringCounts(server, csv.keys)).toEqual(csv.keys.map(() => 1));
    },
  );

  it("never prints the token, the app secret or the fetched token, also with --verbose", async () => {
    server = await startInviteServer({
      reply: (invite) =>
        invite.index === 1 ? dingTalkError(400, "InvalidAuthentication") : undefined,
    });
    const csv = writePeopleCsv(dir, 6);
    const withToken = await runCli(
      [...base(server.url), "--csv", csv.path, "--batch-size", "2", "--verbose"],
      {
        cwd: dir,
      },
    );
    const withApp = await runCli(
      [
        "conf1",
        "--base-url",
        server.url,
        "--csv",
        csv.path,
        "--verbose",
        "--journal",
        join(dir, "app.journal"),
      ],
      {
        cwd: dir,
        env: {
          DINGTALK_APP_KEY: appCredentials.appKey,
          DINGTALK_APP_SECRET: appCredentials.appSecret,
        },
      },
    );
    expect(withToken.stderr).toContain("batch 2: failed — InvalidAuthentication");
    expect(withApp.code).toBe(0);
    expect(server.received.at(-1)?.token).toBe(issuedToken);
    for (const output of [withToken.stdout, withToken.stderr, withApp.stdout, withApp.stderr]) {
      expect(output).not.toContain(token);
      expect(output).not.toContain(appCredentials.appSecret);
      expect(output).not.toContain(issuedToken);
    }
  });

  it("stopped by an unexpected error, prints it in one line and the whole command that continues the run", async () => {
    server = await startInviteServer();
    const args = [...base(server.url), "--user", "u1:It's me", "--journal", join(dir, "x.journal")];
    const { code, printed } = await runWithBrokenStdout(args);
    expect(code).toBe(1);
    expect(printed).toBe(
      "dingtalk-invite: stopped by an unexpected error: write EIO\n" +
        `The journal holds what was sent; continue it with ${giveTokenAgain}: dingtalk-invite conf1 --user 'u1:It'\\''s me' --base-url ${server.url} --journal ${join(dir, "x.journal")} --rate 1000 --resume\n`,
    );
    expect(printed).not.toContain(token);
    const resumed = await runCli(shellWords(commandOf(printed)).slice(1), {
      cwd: dir,
      env: { DINGTALK_ACCESS_TOKEN: token },
    });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain("1 already invited");
    expect(ringCounts(server, ["user:u1"])).toEqual([1]);
  });

  it("stopped by an unexpected error in a dry run, prints it in one line and no command: nothing was sent", async () => {
    const { code, printed } = await runWithBrokenStdout([
      "conf1",
      "--user",
      "u1:User 1",
      "--dry-run",
    ]);
    expect(code).toBe(1);
    expect(printed).toBe("dingtalk-invite: stopped by an unexpected error: write EIO\n");
  });

  it("stops with exit 2 before sending when the app's credentials are wrong", async () => {
    server = await startInviteServer();
    const run = await runCli(["conf1", "--base-url", server.url, "--user", "u1:User 1"], {
      cwd: dir,
      env: { DINGTALK_APP_KEY: appCredentials.appKey, DINGTALK_APP_SECRET: "wrong-secret" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DINGTALK_APP_KEY/DINGTALK_APP_SECRET: no access token");
    expect(run.stderr).not.toContain("wrong-secret");
    expect(server.received).toHaveLength(0);
  });
});

describe("bad input or configuration: exit 2, a message that says what and where, nothing sent", () => {
  it("lists every bad CSV row with its line, and sends nobody", async () => {
    server = await startInviteServer();
    const csv = join(dir, "people.csv");
    writeFileSync(csv, "unionId,phoneNumber,nick\nu1,,User 1\nu2,,\n,,Nobody\nu1,,User 1\n");
    const run = await runCli([...base(server.url), "--csv", csv], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${csv}:3: user u2 has no nick`);
    expect(run.stderr).toContain(`${csv}:4: neither unionId nor phoneNumber`);
    expect(run.stderr).toContain(`${csv}:5: duplicate of line 2`);
    expect(run.stderr).toContain(
      `${csv}: 3 bad rows; fix them, or pass --skip-invalid to send the rest`,
    );
    writeFileSync(csv, "unionId,phoneNumber,nick\nu1,,User 1\nu2,,\n");
    const oneBad = await runCli([...base(server.url), "--csv", csv], { cwd: dir });
    expect(oneBad.code).toBe(2);
    expect(oneBad.stderr).toContain(
      `${csv}: 1 bad row; fix it, or pass --skip-invalid to send the rest`,
    );
    expect(server.received).toHaveLength(0);
    expect(existsSync(`${csv}.conf1.journal`)).toBe(false);
  });

  it("sends the valid rows with --skip-invalid and counts the others as skipped", async () => {
    server = await startInviteServer();
    const csv = join(dir, "people.csv");
    writeFileSync(csv, "unionId,phoneNumber,nick\nu1,,User 1\nu2,,\n");
    const dryRun = await runCli(
      [...base(server.url), "--csv", csv, "--skip-invalid", "--dry-run"],
      {
        cwd: dir,
      },
    );
    expect(dryRun.stdout).toMatch(
      /^Next: send with \(give the token again.*\): dingtalk-invite conf1 .* --skip-invalid$/m,
    );
    const run = await runCli([...base(server.url), "--csv", csv, "--skip-invalid", "--json"], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ invited: 1, skipped: { invalidRows: 1 } });
    expect(run.stderr).toContain(`${csv}:3: user u2 has no nick`);
  });

  it("lists the rows --skip-invalid leaves out once, and not at all when the run refuses to start", async () => {
    server = await startInviteServer();
    const csv = join(dir, "people.csv");
    writeFileSync(csv, "unionId,phoneNumber,nick\nu1,,User 1\nu2,,\n,,Nobody\n");
    const args = [...base(server.url), "--csv", csv, "--skip-invalid"];
    const sent = await runCli(args, { cwd: dir });
    expect(sent.code).toBe(0);
    expect(sent.stderr.match(/skipping 2 invalid rows/g)).toHaveLength(1);
    expect(sent.stdout).toContain("2 invalid rows");

    for (const refusedArgs of [args, [...args, "--dry-run"]]) {
      const refused = await runCli(refusedArgs, { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain("a journal of an earlier run exists");
      expect(refused.stderr).not.toContain("skipping");
    }
    expect(server.received).toHaveLength(1);
  });

  it("refuses a missing token, a missing CSV and an earlier journal without --resume", async () => {
    server = await startInviteServer();
    const noToken = await runCli(["conf1", "--base-url", server.url, "--user", "u1:User 1"], {
      cwd: dir,
    });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("access token: none given");

    const noFile = await runCli([...base(server.url), "--csv", "missing.csv"], { cwd: dir });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--csv missing.csv: cannot read the file");

    expect((await runCli([...base(server.url), "--user", "u1:User 1"], { cwd: dir })).code).toBe(0);
    const again = await runCli([...base(server.url), "--user", "u1:User 1"], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("a journal of an earlier run exists: pass --resume");
    expect(server.received).toHaveLength(1);
  });

  it("--dry-run refuses an earlier journal without --resume, as the real run would", async () => {
    server = await startInviteServer();
    const args = [...base(server.url), "--user", "union1:User 1"];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const dryRun = await runCli([...args, "--dry-run"], { cwd: dir });
    expect(dryRun.code).toBe(2);
    expect(dryRun.stderr).toContain("a journal of an earlier run exists: pass --resume");
    const resumed = await runCli([...args, "--dry-run", "--resume"], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain("1 already invited");
  });

  it("refuses a journal it cannot create or read with exit 2 and the path, not a stack trace", async () => {
    server = await startInviteServer();
    const args = [...base(server.url), "--user", "union1:User 1"];
    const missingDir = join(dir, "no-such-dir", "x.journal");
    const cannotCreate = await runCli([...args, "--journal", missingDir], { cwd: dir });
    expect(cannotCreate.code).toBe(2);
    expect(cannotCreate.stderr).toContain(`${missingDir}: cannot lock ${missingDir}.lock (ENOENT`);

    const aDirectory = join(dir, "a-directory");
    mkdirSync(join(aDirectory, "inside"), { recursive: true });
    const cannotRead = await runCli([...args, "--journal", aDirectory, "--resume"], { cwd: dir });
    expect(cannotRead.code).toBe(2);
    expect(cannotRead.stderr).toContain(`${aDirectory}: cannot read the journal (EISDIR`);

    for (const run of [cannotCreate, cannotRead]) {
      expect(run.stderr).toContain("nothing was sent");
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
    expect(server.received).toHaveLength(0);
  });

  it("--dry-run validates and prints the plan without sending or journaling", async () => {
    server = await startInviteServer();
    const csv = writePeopleCsv(dir, 41);
    const run = await runCli([...base(server.url), "--csv", csv.path, "--dry-run"], {
      cwd: dir,
      env: {},
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Plan (dry run, nothing sent)");
    expect(run.stdout).toMatch(/to invite\s+41\s+in 3 batches/);
    expect(run.stdout).toContain(`Next: send with ${giveTokenAgain}: dingtalk-invite conf1 --csv`);
    // A token from the environment is still there when the command is pasted.
    const fromEnv = await runCli(
      ["conf1", "--base-url", server.url, "--csv", csv.path, "--dry-run"],
      { cwd: dir, env: { DINGTALK_ACCESS_TOKEN: token } },
    );
    expect(fromEnv.stdout).toContain("Next: send with: dingtalk-invite conf1 --csv");
    expect(run.stdout).toContain(
      `journal: ${csv.path}.conf1.journal (written as the run sends; it holds personal data: the invitees' unionIds and phone numbers)`,
    );
    expect(server.received).toHaveLength(0);
    expect(existsSync(`${csv.path}.conf1.journal`)).toBe(false);
  });

  it("prints the help with examples and exits 0", async () => {
    const run = await runCli(["--help"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: dingtalk-invite <conferenceId>");
    expect(run.stdout).toContain(
      "  The journal holds personal data (unionIds, phone numbers): keep it private.\n",
    );
  });
});

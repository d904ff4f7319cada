import { existsSync, statSync } from "node:fs";
import { createConferenceClient } from "@dingtalk-conference/client";
import { type BatchFailure, formatFailure } from "./batch-failure.js";
import { formatIssue, InputError } from "./errors.js";
import { type CliOptions, helpText, parseCliArgs, rerunArguments } from "./input/args.js";
import type { People } from "./input/people.js";
import { type Input, readInput } from "./input/read-input.js";
import { JournalWriter, replayJournal } from "./journal/journal.js";
import { journalPathFor, readableJournalWarning } from "./journal/journal-file.js";
import { JournalLock } from "./journal/journal-lock.js";
import { type Plan, planRun } from "./plan/plan.js";
import { plural } from "./plural.js";
import { type AccessToken, checkedAccessToken } from "./send/access-token.js";
import { createInviteCall } from "./send/invite-call.js";
import { RateLimiter } from "./send/rate-limiter.js";
import { sendBatches } from "./send/send-batches.js";
import { createProgress } from "./summary/progress.js";
import { RunTally } from "./summary/run-tally.js";
import { commandStep } from "./summary/shell-command.js";
import {
  exitCodeOf,
  formatHuman,
  formatJson,
  type RunSummary,
  summarize,
} from "./summary/summary.js";

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Aborted on Ctrl-C: no new batch starts, those in flight finish and are journaled. */
  readonly stop?: AbortSignal;
}

export type ExitCode = 0 | 1 | 2;

/** Runs `dingtalk-invite` with the given arguments; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let options: CliOptions | undefined;
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(helpText);
      return 0;
    }
    options = args;
    return await run(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(
        `dingtalk-invite: nothing was sent.\n${error.issues.map((i) => `  ${formatIssue(i)}\n`).join("")}`,
      );
      io.stderr.write("See dingtalk-invite --help.\n");
      return 2;
    }
    // Not the input's fault (a disk that fills up mid-run, a bug): the error in one line,
    // no stack trace, then (except in a dry run, which sent nothing) the command that
    // continues the run from its journal, which holds whatever was sent.
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr.write(`dingtalk-invite: stopped by an unexpected error: ${reason}\n`);
    if (options && !options.dryRun) {
      io.stderr.write(
        `The journal holds what was sent; ${commandStep("continue it with", resumeArguments(options), options.token !== undefined)}\n`,
      );
    }
    return 1;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<ExitCode> {
  const log = (line: string) => options.verbose && io.stderr.write(`${line}\n`);
  const journalPath = journalPathFor(options, io.cwd);
  const summaryOf = (input: Input, plan: Plan, tally: RunTally) =>
    summarize({
      conferenceId: options.conferenceId,
      plan,
      tally,
      invalidRows: input.skippedRows.length,
      duplicates: input.duplicates,
      resume: options.resume,
      retryAmbiguous: options.retryAmbiguous,
      dryRun: options.dryRun,
      journal: journalPath,
      command: rerunArguments(options),
      tokenFromFlag: options.token !== undefined,
    });

  if (options.dryRun) {
    checkJournal(journalPath, options, io, log);
    const input = await readInput(options, io.cwd);
    const plan = await planFromJournal(input.people, journalPath, options);
    reportSkippedRows(input, io);
    if (options.verbose) describePlan(plan, log);
    return print(summaryOf(input, plan, new RunTally()), options, io);
  }

  // Held from before the journal is first read until the run ends: a run planning from
  // a journal another run is still appending to would send the same people again. Taken
  // before the input is read (which takes a while for a long CSV), so of two runs started
  // together the first one started is the one that sends.
  const lock = JournalLock.acquire(journalPath);
  try {
    // Under the lock: a run that held it a moment ago may have just written this journal.
    checkJournal(journalPath, options, io, log);
    const input = await readInput(options, io.cwd);
    const accessToken = await checkedAccessToken(options.token, io.env, options.baseUrl, log);
    const plan = await planFromJournal(input.people, journalPath, options);
    // Only now that nothing can refuse the run: a refused run lists its reasons alone.
    reportSkippedRows(input, io);
    const sent = await sendPlan(plan, accessToken, journalPath, options, io, log);
    const summary = summaryOf(input, plan, sent.tally);
    const exitCode = print(summary, options, io);
    if (!sent.tokenRefused) return exitCode;
    io.stderr.write(
      `dingtalk-invite: the access token was refused (${formatFailure(sent.tokenRefused)}); no further batch was started${summary.invited === 0 ? " and nobody was invited" : ""}.\n` +
        // Without the note to give the token again: this line already asks for a new one.
        `  Fix the token (--token, DINGTALK_ACCESS_TOKEN, or DINGTALK_APP_KEY and DINGTALK_APP_SECRET), then ${commandStep("continue with", resumeArguments(options), false)}\n`,
    );
    // A wrong token is a configuration error (exit 2), as long as it stopped the run
    // before anyone was invited; after that (a token expiring mid-run) it is exit 1.
    return summary.invited === 0 ? 2 : 1;
  } finally {
    lock.release();
  }
}

/** The command line that continues this run from its journal. */
function resumeArguments(options: CliOptions): string[] {
  return [...rerunArguments(options), "--resume"];
}

/** Lists the bad rows --skip-invalid leaves out. */
function reportSkippedRows(input: Input, io: CliIo): void {
  if (input.skippedRows.length === 0) return;
  io.stderr.write(
    `dingtalk-invite: skipping ${plural(input.skippedRows.length, "invalid row")} (--skip-invalid):\n`,
  );
  for (const issue of input.skippedRows) io.stderr.write(`  ${formatIssue(issue)}\n`);
}

/**
 * A run without --resume must not start over an earlier journal (it would send everyone
 * again), and a dry run must say so just as the real run would. A resumed journal that
 * others can read is used, with a warning: it holds personal data.
 */
function checkJournal(
  journalPath: string,
  options: CliOptions,
  io: CliIo,
  log: (line: string) => void,
): void {
  const journalExists = existsSync(journalPath) && statSync(journalPath).size > 0;
  if (journalExists && !options.resume) {
    throw new InputError([
      {
        where: journalPath,
        message:
          "a journal of an earlier run exists: pass --resume to continue it, or --journal for a new one",
      },
    ]);
  }
  if (options.resume && !journalExists)
    log(`no journal at ${journalPath} yet: starting from the beginning`);
  const warning = options.resume ? readableJournalWarning(journalPath) : undefined;
  if (warning) io.stderr.write(`${warning}\n`);
}

/** Who to send this run: everyone on a fresh run, the journal's leftovers on --resume. */
async function planFromJournal(
  people: People,
  journalPath: string,
  options: CliOptions,
): Promise<Plan> {
  const journal = await replayJournal(journalPath, options.conferenceId);
  return planRun(
    people,
    options.resume ? journal : { people: new Map(), nextBatch: journal.nextBatch },
    options,
  );
}

async function sendPlan(
  plan: Plan,
  accessToken: AccessToken,
  journalPath: string,
  options: CliOptions,
  io: CliIo,
  log: (line: string) => void,
): Promise<{ tally: RunTally; tokenRefused?: BatchFailure }> {
  const tally = new RunTally();
  if (plan.batchCount === 0) return { tally };
  const writer = JournalWriter.open(journalPath);
  try {
    writer.append({
      type: "run",
      conferenceId: options.conferenceId,
      at: new Date().toISOString(),
    });
    const client = createConferenceClient(
      options.baseUrl ? { accessToken, baseUrl: options.baseUrl } : { accessToken },
    );
    const { conferenceId, operator } = options;
    const send = createInviteCall(
      operator ? { client, conferenceId, operator } : { client, conferenceId },
    );
    const progress = createProgress({
      stream: io.stderr,
      total: plan.toSend,
      batches: plan.batchCount,
      enabled: !options.verbose,
    });
    let tokenRefused: BatchFailure | undefined;
    await sendBatches({
      batches: plan.batches(),
      send,
      journal: writer,
      limiter: new RateLimiter(options.rate),
      concurrency: options.concurrency,
      // A refused token fails every batch alike: start no more once one says so.
      stopped: () => (io.stop?.aborted ?? false) || tokenRefused !== undefined,
      onBatchStart: (batch) =>
        log(`batch ${batch.number}: sending ${plural(batch.people.length, "person", "people")}`),
      onBatchEnd: (result) => {
        tally.record(result);
        const { batch, outcome } = result;
        progress.advance(batch.people.length);
        if (outcome.ok) {
          const requestId = outcome.requestId ? ` (requestId ${outcome.requestId})` : "";
          log(`batch ${batch.number}: invited${requestId}`);
        } else {
          if (outcome.tokenRefused) tokenRefused ??= outcome;
          const verdict = outcome.mayHaveActed ? "ambiguous" : "failed";
          log(`batch ${batch.number}: ${verdict} — ${formatFailure(outcome)}`);
        }
      },
    });
    progress.stop();
    return tokenRefused ? { tally, tokenRefused } : { tally };
  } finally {
    writer.close();
  }
}

function describePlan(plan: Plan, log: (line: string) => void): void {
  for (const batch of plan.batches()) {
    log(
      `batch ${batch.number}: ${batch.people.map((p) => (p.kind === "user" ? p.unionId : p.phoneNumber)).join(", ")}`,
    );
  }
}

function print(summary: RunSummary, options: CliOptions, io: CliIo): ExitCode {
  io.stdout.write(options.json ? formatJson(summary) : formatHuman(summary));
  return summary.dryRun ? 0 : exitCodeOf(summary);
}

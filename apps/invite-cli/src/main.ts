import { existsSync, statSync } from "node:fs";
import { createConferenceClient } from "@dingtalk-conference/client";
import { type AccessToken, checkedAccessToken } from "./access-token.js";
import { type CliOptions, helpText, parseCliArgs } from "./args.js";
import { formatIssue, InputError } from "./errors.js";
import { journalPathFor, readInput } from "./input.js";
import { JournalWriter, replayJournal } from "./journal.js";
import { JournalLock } from "./journal-lock.js";
import { mergePeople, type Person } from "./people.js";
import { type Plan, planRun } from "./plan.js";
import { createProgress } from "./progress.js";
import { RateLimiter } from "./rate-limiter.js";
import { type BatchResult, sendBatches } from "./send-batches.js";
import { createClientSender, formatFailure } from "./sender.js";
import { exitCodeOf, formatHuman, formatJson, type RunSummary, summarize } from "./summary.js";

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
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(helpText);
      return 0;
    }
    return await run(args, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr.write(
        `dingtalk-invite: nothing was sent.\n${error.issues.map((i) => `  ${formatIssue(i)}\n`).join("")}`,
      );
      io.stderr.write("See dingtalk-invite --help.\n");
      return 2;
    }
    throw error;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<ExitCode> {
  const log = (line: string) => options.verbose && io.stderr.write(`${line}\n`);
  const input = readInput(options, io.cwd);
  if (input.skippedRows.length > 0) {
    io.stderr.write(
      `dingtalk-invite: skipping ${input.skippedRows.length} invalid row(s) (--skip-invalid):\n`,
    );
    for (const issue of input.skippedRows) io.stderr.write(`  ${formatIssue(issue)}\n`);
  }
  const { people, duplicates } = mergePeople(input.people);
  const journalPath = journalPathFor(options, io.cwd);
  const summaryOf = (plan: Plan, results: readonly BatchResult[]) =>
    summarize({
      conferenceId: options.conferenceId,
      plan,
      results,
      invalidRows: input.skippedRows.length,
      duplicates,
      retryAmbiguous: options.retryAmbiguous,
      dryRun: options.dryRun,
      journal: journalPath,
    });

  if (options.dryRun) {
    const plan = planFromJournal(people, journalPath, options);
    describePlan(plan, log);
    return print(summaryOf(plan, []), options, io);
  }

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
  const accessToken = await checkedAccessToken(options.token, io.env, options.baseUrl, log);
  // Replayed under the lock: another run appending meanwhile would make the plan stale.
  const lock = JournalLock.acquire(journalPath);
  try {
    const plan = planFromJournal(people, journalPath, options);
    const results = await sendPlan(plan, accessToken, journalPath, options, io, log);
    return print(summaryOf(plan, results), options, io);
  } finally {
    lock.release();
  }
}

/** Who to send this run: everyone on a fresh run, the journal's leftovers on --resume. */
function planFromJournal(
  people: readonly Person[],
  journalPath: string,
  options: CliOptions,
): Plan {
  const journal = replayJournal(journalPath, options.conferenceId);
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
): Promise<BatchResult[]> {
  if (plan.batches.length === 0) return [];
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
    const send = createClientSender(
      operator ? { client, conferenceId, operator } : { client, conferenceId },
    );
    const progress = createProgress({
      stream: io.stderr,
      total: plan.batches.reduce((n, b) => n + b.people.length, 0),
      batches: plan.batches.length,
      enabled: !options.verbose,
    });
    const results = await sendBatches({
      batches: plan.batches,
      send,
      journal: writer,
      limiter: new RateLimiter(options.rate),
      concurrency: options.concurrency,
      stopped: () => io.stop?.aborted ?? false,
      onBatchStart: (batch) => log(`batch ${batch.number}: sending ${batch.people.length} people`),
      onBatchEnd: ({ batch, outcome }) => {
        progress.advance(batch.people.length);
        if (outcome.ok) {
          const requestId = outcome.requestId ? ` (requestId ${outcome.requestId})` : "";
          log(`batch ${batch.number}: invited${requestId}`);
        } else {
          const verdict = outcome.mayHaveActed ? "ambiguous" : "failed";
          log(`batch ${batch.number}: ${verdict} — ${formatFailure(outcome)}`);
        }
      },
    });
    progress.stop();
    return results;
  } finally {
    writer.close();
  }
}

function describePlan(plan: Plan, log: (line: string) => void): void {
  for (const batch of plan.batches) {
    log(
      `batch ${batch.number}: ${batch.people.map((p) => (p.kind === "user" ? p.unionId : p.phoneNumber)).join(", ")}`,
    );
  }
}

function print(summary: RunSummary, options: CliOptions, io: CliIo): ExitCode {
  io.stdout.write(options.json ? formatJson(summary) : formatHuman(summary));
  return summary.dryRun ? 0 : exitCodeOf(summary);
}

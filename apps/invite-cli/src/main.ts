import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createConferenceClient } from "@dingtalk-conference/client";
import { type AccessToken, resolveAccessToken } from "./access-token.js";
import { type CliOptions, helpText, parseCliArgs } from "./args.js";
import { readPeopleCsv } from "./csv-input.js";
import { formatIssue, InputError, type InputIssue } from "./errors.js";
import { JournalWriter, replayJournal } from "./journal.js";
import { JournalLock } from "./journal-lock.js";
import { mergePeople, type Person, parseFlagPeople, type SourcedPerson } from "./people.js";
import { type Plan, planRun } from "./plan.js";
import { createProgress } from "./progress.js";
import { RateLimiter } from "./rate-limiter.js";
import { type BatchResult, sendBatches } from "./send-batches.js";
import { createClientSender, failureFromError, formatFailure } from "./sender.js";
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
  const input = readPeople(options, io.cwd);
  if (input.issues.length > 0) {
    io.stderr.write(
      `dingtalk-invite: skipping ${input.issues.length} invalid row(s) (--skip-invalid):\n`,
    );
    for (const issue of input.issues) io.stderr.write(`  ${formatIssue(issue)}\n`);
  }
  const { people, duplicates } = mergePeople(input.people);
  const journalPath = journalPathOf(options, io.cwd);
  const summaryOf = (plan: Plan, results: readonly BatchResult[]) =>
    summarize({
      conferenceId: options.conferenceId,
      plan,
      results,
      invalidRows: input.issues.length,
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
  const accessToken = await checkedAccessToken(options, io.env, log);
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

function readPeople(
  options: CliOptions,
  cwd: string,
): { people: SourcedPerson[]; issues: InputIssue[] } {
  const fromFlags = parseFlagPeople(options.users, options.phones);
  if (!options.csv) return { people: fromFlags, issues: [] };
  let content: Buffer;
  try {
    content = readFileSync(resolve(cwd, options.csv));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([
      { where: `--csv ${options.csv}`, message: `cannot read the file (${reason})` },
    ]);
  }
  const csv = readPeopleCsv(content, options.csv);
  if (csv.issues.length > 0 && !options.skipInvalid) {
    throw new InputError([
      ...csv.issues,
      {
        where: options.csv,
        message: `${csv.issues.length} bad row(s); fix them, or pass --skip-invalid to send the rest`,
      },
    ]);
  }
  // Flags first: a person given on the command line keeps the nick given there.
  return { people: [...fromFlags, ...csv.people], issues: csv.issues };
}

function journalPathOf(options: CliOptions, cwd: string): string {
  if (options.journal) return resolve(cwd, options.journal);
  const safeId = options.conferenceId.replace(/[^\w.-]/g, "_");
  return options.csv
    ? resolve(cwd, `${options.csv}.${safeId}.journal`)
    : resolve(cwd, `dingtalk-invite.${safeId}.journal`);
}

/**
 * Resolves the token and, for an app's key and secret, fetches it once before any
 * batch: wrong credentials are a configuration error (exit 2), not 50 failed batches.
 */
async function checkedAccessToken(
  options: CliOptions,
  env: CliIo["env"],
  log: (line: string) => void,
): Promise<AccessToken> {
  const accessToken = resolveAccessToken(options.token, env, options.baseUrl);
  if (typeof accessToken === "string") {
    log(`access token: from ${options.token ? "--token" : "DINGTALK_ACCESS_TOKEN"}`);
    return accessToken;
  }
  log("access token: fetched with DINGTALK_APP_KEY and DINGTALK_APP_SECRET");
  try {
    await accessToken();
  } catch (error) {
    const reason = formatFailure(failureFromError(error));
    throw new InputError([
      { where: "DINGTALK_APP_KEY/DINGTALK_APP_SECRET", message: `no access token: ${reason}` },
    ]);
  }
  return accessToken;
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

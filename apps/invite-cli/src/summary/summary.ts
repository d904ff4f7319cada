import { failureReason } from "../batch-failure.js";
import { personKey } from "../input/people.js";
import type { Plan } from "../plan/plan.js";
import { plural } from "../plural.js";
import type { FailedBatch, RunTally } from "./run-tally.js";
import { commandStep } from "./shell-command.js";

/** Failed batches that share a DingTalk code (or error class), with their request IDs. */
export interface FailureGroup {
  readonly code: string;
  readonly message: string;
  readonly people: number;
  readonly batches: readonly number[];
  readonly requestIds: readonly string[];
}

export interface RunSummary {
  readonly conferenceId: string;
  readonly dryRun: boolean;
  /** People invited by this run. */
  readonly invited: number;
  /** People of batches the server surely refused: safe to re-send with --resume. */
  readonly failed: number;
  /** Already invited by an earlier run, or bad rows left out with --skip-invalid. */
  readonly skipped: {
    readonly alreadyInvited: number;
    readonly invalidRows: number;
    readonly duplicates: number;
  };
  /** People who may or may not have been rung: re-sent only with --resume --retry-ambiguous. */
  readonly ambiguous: number;
  /** People whose batches were never started (the run was interrupted). */
  readonly notSent: number;
  /** People this run set out to send (all of them for a dry run). */
  readonly planned: number;
  readonly batches: { readonly planned: number; readonly sent: number; readonly succeeded: number };
  readonly failures: readonly FailureGroup[];
  readonly ambiguousBatches: readonly {
    readonly batch: number;
    readonly people: readonly string[];
    readonly reason?: string;
  }[];
  readonly journal?: string;
  /** What to do next, each step ending in the command line to copy (never with the token). */
  readonly next: readonly string[];
}

export function summarize(input: {
  conferenceId: string;
  plan: Plan;
  tally: RunTally;
  invalidRows: number;
  duplicates: number;
  resume: boolean;
  retryAmbiguous: boolean;
  dryRun: boolean;
  journal?: string;
  /** The command line of this run, without --resume, --retry-ambiguous, --dry-run and the token. */
  command: readonly string[];
  /** Whether the token came from --token, which the printed command leaves out. */
  tokenFromFlag: boolean;
}): RunSummary {
  const { plan, tally } = input;
  const failedBatches = tally.failedBatches();
  const surelyFailed = failedBatches.filter((b) => !b.failure.mayHaveActed);
  const mayHaveActed = failedBatches.filter((b) => b.failure.mayHaveActed);
  // Ambiguous batches of earlier runs that this run re-sent are no longer ambiguous.
  const earlierAmbiguous = input.retryAmbiguous ? [] : plan.ambiguous;
  const ambiguousBatches = [
    ...earlierAmbiguous.map(({ batch, people, reason }) => ({
      batch,
      people: people.map(personKey),
      ...(reason ? { reason } : {}),
    })),
    ...mayHaveActed.map(({ batch, people = [], failure }) => ({
      batch,
      people,
      reason: failureReason(failure),
    })),
  ];

  const summary = {
    conferenceId: input.conferenceId,
    dryRun: input.dryRun,
    invited: tally.invited,
    failed: surelyFailed.reduce((n, b) => n + b.size, 0),
    skipped: {
      alreadyInvited: plan.alreadyInvited,
      invalidRows: input.invalidRows,
      duplicates: input.duplicates,
    },
    ambiguous: ambiguousBatches.reduce((n, b) => n + b.people.length, 0),
    notSent: input.dryRun ? 0 : plan.toSend - tally.sentPeople,
    planned: plan.toSend,
    batches: {
      planned: plan.batchCount,
      sent: tally.sentBatches,
      succeeded: tally.succeededBatches,
    },
    failures: groupFailures([...surelyFailed, ...mayHaveActed]),
    ambiguousBatches,
    ...(input.journal ? { journal: input.journal } : {}),
  };
  // The run a dry run previews takes the same --resume and --retry-ambiguous.
  const previewed = input.resume
    ? ["--resume", ...(input.retryAmbiguous ? ["--retry-ambiguous"] : [])]
    : [];
  const step = (what: string, ...flags: string[]) =>
    commandStep(what, [...input.command, ...flags], input.tokenFromFlag);
  return { ...summary, next: nextSteps(summary, step, previewed) };
}

function groupFailures(failed: readonly FailedBatch[]): FailureGroup[] {
  const groups = new Map<
    string,
    { message: string; people: number; batches: number[]; requestIds: string[] }
  >();
  for (const { batch, size, failure } of failed) {
    const group = groups.get(failure.code) ?? {
      message: failure.message,
      people: 0,
      batches: [],
      requestIds: [],
    };
    group.people += size;
    group.batches.push(batch);
    if (failure.requestId) group.requestIds.push(failure.requestId);
    groups.set(failure.code, group);
  }
  return [...groups].map(([code, group]) => ({ code, ...group }));
}

/** `step(what, ...flags)`: `what`, then the command of this run with `flags` to copy. */
type Step = (what: string, ...flags: string[]) => string;

function nextSteps(
  s: Omit<RunSummary, "next">,
  step: Step,
  previewed: readonly string[],
): string[] {
  if (s.dryRun) return [step("send with", ...previewed)];
  const steps: string[] = [];
  const unknownUserFailures = s.failures.find((f) => f.code === "unknownUserError");
  if (unknownUserFailures) {
    const count = unknownUserFailures.batches.length;
    steps.push(
      step(
        `unknownUserError in ${plural(count, "batch", "batches")}: check ${pronouns(count).its} unionIds and fix the input, then`,
        "--resume",
      ),
    );
  } else if (s.failed > 0 || s.notSent > 0) {
    steps.push(step("send the failed and unsent batches again", "--resume"));
  }
  if (s.ambiguous > 0) {
    const count = s.ambiguousBatches.length;
    const { its, it } = pronouns(count);
    steps.push(
      step(
        `${plural(count, "ambiguous batch", "ambiguous batches")} may have been rung: check with ${its} invitees, then send ${it} again (they may be rung twice)`,
        "--resume",
        "--retry-ambiguous",
      ),
    );
  }
  return steps;
}

/** The words that refer back to `count` batches: its and it, or their and them. */
function pronouns(count: number): { its: string; it: string } {
  return count === 1 ? { its: "its", it: "it" } : { its: "their", it: "them" };
}

/** 0 everyone invited, 1 some invitees failed, are ambiguous or were not sent. */
export function exitCodeOf(summary: RunSummary): 0 | 1 {
  return summary.failed + summary.ambiguous + summary.notSent === 0 ? 0 : 1;
}

/** Long lists are cut in the human summary; --json has them whole. */
const humanListLimit = 10;

function listed(items: readonly (string | number)[]): string {
  const shown = items.slice(0, humanListLimit).join(", ");
  return items.length > humanListLimit
    ? `${shown}, … ${items.length - humanListLimit} more`
    : shown;
}

export function formatHuman(s: RunSummary): string {
  const lines: string[] = [];
  const row = (label: string, value: number | string, note = "") =>
    lines.push(`  ${label.padEnd(10)} ${String(value).padStart(6)}${note ? `  ${note}` : ""}`);
  lines.push(
    `${s.dryRun ? "Plan (dry run, nothing sent)" : "Summary"} — conference ${s.conferenceId}`,
  );
  const inBatches = (count: number) => `in ${plural(count, "batch", "batches")}`;
  if (s.dryRun) {
    row("to invite", s.planned, inBatches(s.batches.planned));
  } else {
    row("invited", s.invited, inBatches(s.batches.succeeded));
    row("failed", s.failed);
  }
  const skipped = s.skipped.alreadyInvited + s.skipped.invalidRows;
  row(
    "skipped",
    skipped,
    [
      s.skipped.alreadyInvited ? `${s.skipped.alreadyInvited} already invited` : "",
      s.skipped.invalidRows ? plural(s.skipped.invalidRows, "invalid row") : "",
      s.skipped.duplicates ? `(${plural(s.skipped.duplicates, "duplicate")} merged)` : "",
    ]
      .filter(Boolean)
      .join(", "),
  );
  row("ambiguous", s.ambiguous);
  if (s.notSent > 0 && !s.dryRun) row("not sent", s.notSent, "run interrupted");
  for (const f of s.failures) {
    const ids = f.requestIds.length > 0 ? ` requestId ${listed(f.requestIds)}` : "";
    lines.push(
      `  ✗ ${f.code} (${plural(f.people, "person", "people")}, ${f.batches.length === 1 ? "batch" : "batches"} ${listed(f.batches)}): ${f.message}${ids}`,
    );
  }
  const shownBatches = s.ambiguousBatches.slice(0, humanListLimit);
  for (const b of shownBatches) {
    lines.push(`  ? batch ${b.batch}${b.reason ? ` (${b.reason})` : ""}: ${listed(b.people)}`);
  }
  if (s.ambiguousBatches.length > shownBatches.length) {
    lines.push(
      `  ? … ${plural(s.ambiguousBatches.length - shownBatches.length, "more ambiguous batch", "more ambiguous batches")} (see --json)`,
    );
  }
  // The journal matters when there is something left to resume, and before it is written.
  if (s.dryRun && s.journal) {
    lines.push(
      `  journal: ${s.journal} (written as the run sends; it holds personal data: the invitees' unionIds and phone numbers)`,
    );
  } else if (s.journal && s.next.length > 0) {
    lines.push(`  journal: ${s.journal} (holds personal data: keep it private)`);
  }
  for (const step of s.next) lines.push(`Next: ${step}`);
  return `${lines.join("\n")}\n`;
}

export function formatJson(s: RunSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

import { failureReason } from "./journal.js";
import { personKey } from "./people.js";
import type { Plan } from "./plan.js";
import type { FailedBatch, RunTally } from "./run-tally.js";

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
  readonly next: readonly string[];
}

export function summarize(input: {
  conferenceId: string;
  plan: Plan;
  tally: RunTally;
  invalidRows: number;
  duplicates: number;
  retryAmbiguous: boolean;
  dryRun: boolean;
  journal?: string;
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
  return { ...summary, next: nextSteps(summary) };
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

function nextSteps(s: Omit<RunSummary, "next">): string[] {
  if (s.dryRun) return ["run again without --dry-run to send"];
  const steps: string[] = [];
  if (s.failures.some((f) => f.code === "unknownUserError")) {
    steps.push(
      "unknownUserError: check the unionIds of the failed batches, fix the input, then re-run with --resume",
    );
  }
  if (s.failed > 0 || s.notSent > 0)
    steps.push("re-run with --resume to send the failed and unsent batches again");
  if (s.ambiguous > 0) {
    steps.push(
      "ambiguous batches may have been rung: check with the invitees, then re-run with --resume --retry-ambiguous to send them again (they may be rung twice)",
    );
  }
  return steps;
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
  if (s.dryRun) {
    row("to invite", s.planned, `in ${s.batches.planned} batch(es)`);
  } else {
    row("invited", s.invited, `in ${s.batches.succeeded} batch(es)`);
    row("failed", s.failed);
  }
  const skipped = s.skipped.alreadyInvited + s.skipped.invalidRows;
  row(
    "skipped",
    skipped,
    [
      s.skipped.alreadyInvited ? `${s.skipped.alreadyInvited} already invited` : "",
      s.skipped.invalidRows ? `${s.skipped.invalidRows} invalid rows` : "",
      s.skipped.duplicates ? `(${s.skipped.duplicates} duplicates merged)` : "",
    ]
      .filter(Boolean)
      .join(", "),
  );
  row("ambiguous", s.ambiguous);
  if (s.notSent > 0 && !s.dryRun) row("not sent", s.notSent, "run interrupted");
  for (const f of s.failures) {
    const ids = f.requestIds.length > 0 ? ` requestId ${listed(f.requestIds)}` : "";
    lines.push(
      `  ✗ ${f.code} (${f.people} people, batch ${listed(f.batches)}): ${f.message}${ids}`,
    );
  }
  const shownBatches = s.ambiguousBatches.slice(0, humanListLimit);
  for (const b of shownBatches) {
    lines.push(`  ? batch ${b.batch}${b.reason ? ` (${b.reason})` : ""}: ${listed(b.people)}`);
  }
  if (s.ambiguousBatches.length > shownBatches.length) {
    lines.push(
      `  ? … ${s.ambiguousBatches.length - shownBatches.length} more ambiguous batches (see --json)`,
    );
  }
  // The journal matters when there is something left to resume.
  if (s.journal && s.next.length > 0 && !s.dryRun) lines.push(`  journal: ${s.journal}`);
  for (const step of s.next) lines.push(`Next: ${step}`);
  return `${lines.join("\n")}\n`;
}

export function formatJson(s: RunSummary): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

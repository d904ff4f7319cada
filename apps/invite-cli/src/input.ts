import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CliOptions } from "./args.js";
import { readPeopleCsv } from "./csv-input.js";
import { InputError, type InputIssue } from "./errors.js";
import { parseFlagPeople, type SourcedPerson } from "./people.js";

export interface Input {
  readonly people: SourcedPerson[];
  /** Bad CSV rows left out with --skip-invalid (without it they stop the run). */
  readonly skippedRows: InputIssue[];
}

/** Everyone from --user, --phone and --csv, flags first; any bad entry is an InputError. */
export function readInput(options: CliOptions, cwd: string): Input {
  const fromFlags = parseFlagPeople(options.users, options.phones);
  if (!options.csv) return { people: fromFlags, skippedRows: [] };
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
  return { people: [...fromFlags, ...csv.people], skippedRows: csv.issues };
}

/**
 * The journal's path: --journal, else beside the CSV, else in the working directory.
 * The conference is in the name, so one CSV can be sent to several conferences.
 */
export function journalPathFor(options: CliOptions, cwd: string): string {
  if (options.journal) return resolve(cwd, options.journal);
  const safeId = options.conferenceId.replace(/[^\w.-]/g, "_");
  return options.csv
    ? resolve(cwd, `${options.csv}.${safeId}.journal`)
    : resolve(cwd, `dingtalk-invite.${safeId}.journal`);
}

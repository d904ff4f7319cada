import { statSync } from "node:fs";
import { resolve } from "node:path";
import type { CliOptions } from "../input/args.js";

/**
 * The mode the journal and its lock files are created with: owner only, as the journal
 * lists every invitee's unionId and phone number with the conference. A umask only
 * takes permissions away, so no umask makes them readable by others.
 */
export const privateFileMode = 0o600;

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

/**
 * A one-line warning when users other than the owner can read an existing journal (one
 * written by an older version, or copied): it is kept, not refused, as it is the only
 * record of who was invited.
 */
export function readableJournalWarning(path: string): string | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o044) === 0) return undefined;
  const shown = (mode & 0o777).toString(8);
  return `dingtalk-invite: warning: other users can read ${path} (mode ${shown}), which holds personal data (unionIds, phone numbers); run chmod 600 on it`;
}

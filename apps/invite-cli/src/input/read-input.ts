import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { InputError, type InputIssue } from "../errors.js";
import { plural } from "../plural.js";
import type { CliOptions } from "./args.js";
import { readPeopleCsv } from "./csv.js";
import { addPerson, type People, parseFlagPeople } from "./people.js";

export interface Input {
  /** Everyone to invite, once each, in the order first given; the plan takes it over. */
  readonly people: People;
  /** Bad CSV rows left out with --skip-invalid (without it they stop the run). */
  readonly skippedRows: InputIssue[];
  /** Entries of someone given earlier (by a flag, or twice on the command line): merged. */
  readonly duplicates: number;
}

/** Everyone from --user, --phone and --csv, flags first; any bad entry is an InputError. */
export async function readInput(options: CliOptions, cwd: string): Promise<Input> {
  const people: People = new Map();
  let duplicates = 0;
  // Flags first: a person given on the command line keeps the nick given there.
  for (const person of parseFlagPeople(options.users, options.phones)) {
    if (!addPerson(people, person)) duplicates++;
  }
  if (!options.csv) return { people, skippedRows: [], duplicates };

  const csv = await readPeopleCsv(
    fileChunks(resolve(cwd, options.csv), options.csv),
    options.csv,
    people,
  );
  const bad = csv.issues.length;
  if (bad > 0 && !options.skipInvalid) {
    throw new InputError([
      ...csv.issues,
      {
        where: options.csv,
        message: `${plural(bad, "bad row")}; fix ${bad === 1 ? "it" : "them"}, or pass --skip-invalid to send the rest`,
      },
    ]);
  }
  return { people, skippedRows: csv.issues, duplicates: duplicates + csv.duplicates };
}

/**
 * The file's bytes as they are read; a file that cannot be read is bad input. In 16 KiB
 * chunks rather than 64: csv-parse turns a chunk into records all at once, and fewer
 * records alive together keep V8's young generation from growing on a long file.
 */
async function* fileChunks(path: string, flagValue: string): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 16 * 1024 })) {
      yield chunk as Buffer;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([
      { where: `--csv ${flagValue}`, message: `cannot read the file (${reason})` },
    ]);
  }
}

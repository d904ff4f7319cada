import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import {
  defaultBatchSize,
  defaultConcurrency,
  defaultRate,
  helpText,
  parseCliArgs,
} from "../src/input/args.js";

function issuesOf(argv: string[]): string[] {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.where}: ${i.message}`);
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("parseCliArgs", () => {
  it("reads the conference, people and defaults", () => {
    const args = parseCliArgs([
      "conf1",
      "--user",
      "u1:User 1",
      "--phone",
      "123",
      "--operator",
      "op",
    ]);
    expect(args).toMatchObject({
      help: false,
      conferenceId: "conf1",
      users: ["u1:User 1"],
      phones: ["123"],
      operator: "op",
      batchSize: defaultBatchSize,
      rate: defaultRate,
      concurrency: defaultConcurrency,
      resume: false,
      retryAmbiguous: false,
      dryRun: false,
    });
  });

  it("repeats --user and --phone, and takes numbers", () => {
    const args = parseCliArgs([
      "c",
      "--user",
      "a:A",
      "--user",
      "b:B",
      "--csv",
      "p.csv",
      "--batch-size",
      "5",
      "--rate",
      "2.5",
    ]);
    expect(args).toMatchObject({ users: ["a:A", "b:B"], csv: "p.csv", batchSize: 5, rate: 2.5 });
  });

  it("answers --help and -h with usage and examples", () => {
    expect(parseCliArgs(["--help"])).toEqual({ help: true });
    expect(parseCliArgs(["-h"])).toEqual({ help: true });
    expect(helpText).toContain("Examples:");
    expect(helpText).toContain("Exit codes:");
  });

  it("reports every problem at once, each with where it is", () => {
    const issues = issuesOf([
      "--batch-size",
      "0",
      "--rate",
      "fast",
      "--concurrency",
      "1.5",
      "--retry-ambiguous",
    ]);
    expect(issues).toEqual([
      "<conferenceId>: missing; it comes first, see --help",
      "--batch-size 0: must be a positive integer",
      "--rate fast: must be a positive number",
      "--concurrency 1.5: must be a positive integer",
      "people: nobody to invite: give --user, --phone or --csv",
      "--retry-ambiguous: only makes sense with --resume",
    ]);
  });

  it("rejects unknown flags, stray arguments and a bad base URL", () => {
    expect(issuesOf(["c", "--user", "a:A", "--header", "x"]).join()).toContain("--header");
    expect(issuesOf(["c", "extra", "--user", "a:A"])).toEqual([
      "extra: unexpected argument (use --user/--phone for people)",
    ]);
    expect(issuesOf(["c", "--user", "a:A", "--base-url", "not a url"])).toEqual([
      "--base-url not a url: not a URL",
    ]);
  });
});

import { parseArgs } from "node:util";
import { InputError, type InputIssue } from "../errors.js";

/**
 * Why 20 per request: DingTalk documents no maximum number of invitees per call, and a
 * batch is the unit that fails together (one unknown unionId fails its whole batch) and
 * the unit a crash leaves ambiguous (its people may be rung twice by --retry-ambiguous).
 * Small batches bound both; at 20 requests/s, 20 per batch still invites 400 people/s.
 */
export const defaultBatchSize = 20;
/** DingTalk's documented limit: 20 requests per second per app per API. */
export const defaultRate = 20;
/** Enough to reach the rate limit at ~200 ms per call, few enough to keep a crash's ambiguity small. */
export const defaultConcurrency = 4;

export interface CliOptions {
  readonly conferenceId: string;
  readonly users: readonly string[];
  readonly phones: readonly string[];
  readonly operator?: string;
  readonly csv?: string;
  readonly token?: string;
  readonly baseUrl?: string;
  readonly batchSize: number;
  readonly rate: number;
  readonly concurrency: number;
  readonly journal?: string;
  readonly resume: boolean;
  readonly retryAmbiguous: boolean;
  readonly skipInvalid: boolean;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
}

export type ParsedArgs = { readonly help: true } | ({ readonly help: false } & CliOptions);

export const helpText = `Usage: dingtalk-invite <conferenceId> [people…] [options]

Invites people to a DingTalk video conference, in batches, with a journal that
survives a crash: a resumed run rings nobody twice.

People (any mix; each person is invited once):
  --user <unionId>:<nick>      a DingTalk user (repeatable)
  --phone <number>[:<nick>]    a person by phone number (repeatable)
  --csv <file>                 a CSV with a header row: unionId,phoneNumber,nick
  --operator <unionId>         who is inviting (shown in the call notification)

Access:
  --token <token>              access token; or DINGTALK_ACCESS_TOKEN, or
                               DINGTALK_APP_KEY + DINGTALK_APP_SECRET (fetched for you)
  --base-url <url>             API host (default: the spec's, https://api.dingtalk.io)

Sending:
  --batch-size <n>             invitees per request (default ${defaultBatchSize})
  --rate <n>                   requests per second at most (default ${defaultRate}, DingTalk's limit)
  --concurrency <n>            requests in flight at once (default ${defaultConcurrency})
  --skip-invalid               send the valid rows even if some CSV rows are bad

Journal and resume:
  --journal <file>             default: <csv>.<conferenceId>.journal beside the CSV,
                               or dingtalk-invite.<conferenceId>.journal here
  --resume                     continue a run: skip everyone the journal shows invited
  --retry-ambiguous            with --resume, also re-send batches that were in flight
                               at a crash (their people may be rung twice)
  The journal holds personal data (unionIds, phone numbers): keep it private.

Output:
  --dry-run                    validate everything and print the plan; send nothing
  --json                       print the summary as JSON
  --verbose                    one line per batch on stderr
  -h, --help                   this help

Exit codes: 0 everyone invited, 1 some invitees failed or are ambiguous,
            2 bad input or configuration, or a refused token (nobody invited).

Examples:
  dingtalk-invite 644272f14ba33101xxxxxxxx --operator qzR1iSMDvzR9iP7P0ZKZobSxxxxxxxx \\
    --user exxxxxxal40ofA6gexxxxxxxxxx:"Test user" --phone 1xxxxxxxxxx:"Test phone user"
  DINGTALK_APP_KEY=… DINGTALK_APP_SECRET=… dingtalk-invite 644272f14ba33101xxxxxxxx --csv people.csv
  dingtalk-invite 644272f14ba33101xxxxxxxx --csv people.csv --dry-run
  dingtalk-invite 644272f14ba33101xxxxxxxx --csv people.csv --resume
`;

/** Parses the command line; every problem found is reported at once as an InputError. */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parseWithNode>;
  try {
    parsed = parseWithNode(argv);
  } catch (error) {
    // util.parseArgs names the offending flag in its message (unknown option, missing value).
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };

  const issues: InputIssue[] = [];
  const [conferenceId, ...extra] = positionals;
  if (!conferenceId)
    issues.push({ where: "<conferenceId>", message: "missing; it comes first, see --help" });
  if (extra.length > 0) {
    issues.push({
      where: extra.join(" "),
      message: "unexpected argument (use --user/--phone for people)",
    });
  }
  const number = (
    flag: string,
    raw: string | undefined,
    fallback: number,
    integer: boolean,
  ): number => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
      issues.push({
        where: `--${flag} ${raw}`,
        message: `must be a positive ${integer ? "integer" : "number"}`,
      });
    }
    return value;
  };
  const batchSize = number("batch-size", values["batch-size"], defaultBatchSize, true);
  const rate = number("rate", values.rate, defaultRate, false);
  const concurrency = number("concurrency", values.concurrency, defaultConcurrency, true);
  const users = values.user ?? [];
  const phones = values.phone ?? [];
  if (users.length === 0 && phones.length === 0 && !values.csv) {
    issues.push({ where: "people", message: "nobody to invite: give --user, --phone or --csv" });
  }
  if (values["retry-ambiguous"] && !values.resume) {
    issues.push({ where: "--retry-ambiguous", message: "only makes sense with --resume" });
  }
  if (values["base-url"] !== undefined && !URL.canParse(values["base-url"])) {
    issues.push({ where: `--base-url ${values["base-url"]}`, message: "not a URL" });
  }
  for (const flag of ["operator", "csv", "token", "journal"] as const) {
    if (values[flag] !== undefined && values[flag].trim() === "")
      issues.push({ where: `--${flag}`, message: "is empty" });
  }
  if (issues.length > 0) throw new InputError(issues);

  return {
    help: false,
    conferenceId: conferenceId as string,
    users,
    phones,
    ...optional("operator", values.operator),
    ...optional("csv", values.csv),
    ...optional("token", values.token),
    ...optional("baseUrl", values["base-url"]),
    ...optional("journal", values.journal),
    batchSize,
    rate,
    concurrency,
    resume: values.resume ?? false,
    retryAmbiguous: values["retry-ambiguous"] ?? false,
    skipInvalid: values["skip-invalid"] ?? false,
    dryRun: values["dry-run"] ?? false,
    json: values.json ?? false,
    verbose: values.verbose ?? false,
  };
}

/**
 * The command line that runs these options again, for the summary to print: the same
 * conference, people, operator, host, journal, pace and --skip-invalid. Never the
 * token, which the user gives again the way they gave it; nor the flags of this run's
 * mode (--resume, --dry-run, …), which the summary adds as the next step needs them.
 */
export function rerunArguments(options: CliOptions): string[] {
  const flag = (name: string, value: string | undefined) =>
    value === undefined ? [] : [name, value];
  const unlessDefault = (name: string, value: number, fallback: number) =>
    value === fallback ? [] : [name, String(value)];
  return [
    "dingtalk-invite",
    options.conferenceId,
    ...options.users.flatMap((user) => ["--user", user]),
    ...options.phones.flatMap((phone) => ["--phone", phone]),
    ...flag("--csv", options.csv),
    ...flag("--operator", options.operator),
    ...flag("--base-url", options.baseUrl),
    ...flag("--journal", options.journal),
    ...unlessDefault("--batch-size", options.batchSize, defaultBatchSize),
    ...unlessDefault("--rate", options.rate, defaultRate),
    ...unlessDefault("--concurrency", options.concurrency, defaultConcurrency),
    // The bad rows are still in the CSV: without it the next run would refuse them.
    ...(options.skipInvalid ? ["--skip-invalid"] : []),
  ];
}

function parseWithNode(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      user: { type: "string", multiple: true },
      phone: { type: "string", multiple: true },
      csv: { type: "string" },
      operator: { type: "string" },
      token: { type: "string" },
      "base-url": { type: "string" },
      "batch-size": { type: "string" },
      rate: { type: "string" },
      concurrency: { type: "string" },
      journal: { type: "string" },
      resume: { type: "boolean" },
      "retry-ambiguous": { type: "boolean" },
      "skip-invalid": { type: "boolean" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

import { ValidationError, type ValidationIssue } from "./errors.js";
import {
  conferenceIdSchema,
  inviteUsersRequestSchema,
  type RequestSchema,
} from "./generated/schemas.js";

// The spec's request schemas, generated with `$ref`s inlined, are checked
// here rather than by compiled validators: the few keywords they use take a
// few lines, where ajv's standalone code took most of the size budget.
// `pnpm generate` refuses any keyword this file does not check.
//
// A valid body is the common case and may hold thousands of invitees, so the
// walk allocates nothing per value: the path is a stack of segments turned
// into a JSON pointer only for a problem, and problems go into one list.

type Path = (string | number)[];

/** Records a problem at `path`, made a JSON pointer only now: a valid body never pays for it. */
const report = (issues: ValidationIssue[], path: Path, message: string) =>
  issues.push({ path: path.map((segment) => `/${segment}`).join(""), message });

/** Appends every way `value`, found at `path` (segments of a JSON pointer), breaks `schema`, in ajv's order. */
function check(schema: RequestSchema, value: unknown, path: Path, issues: ValidationIssue[]): void {
  if (schema.not) {
    // Checked into the same list and taken back out: only whether it found anything counts.
    const found = issues.length;
    check(schema.not, value, path, issues);
    if (issues.splice(found).length === 0) report(issues, path, "is a value the spec rules out");
  }
  if (schema.enum && !schema.enum.includes(value)) {
    report(issues, path, "is not one of the spec's values");
  }
  // JSON Schema's name for the type of a JSON value (arrays and null are not "object").
  const type = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  if (schema.type && type !== schema.type) {
    report(issues, path, `must be ${schema.type}`);
  } else if (type === "string") {
    const { minLength = 0 } = schema;
    // Counted in code points, as JSON Schema does. A code point is one or two UTF-16
    // units, so only a string under twice the minimum needs counting.
    let length = minLength;
    if ((value as string).length < 2 * minLength) {
      length = 0;
      for (const _ of value as string) length++;
    }
    if (length < minLength) report(issues, path, `must have at least ${minLength} characters`);
  } else if (type === "array" && schema.items) {
    const items = value as unknown[];
    for (let index = 0; index < items.length; index++) {
      path.push(index);
      check(schema.items, items[index], path, issues);
      path.pop();
    }
  } else if (type === "object") {
    const object = value as Record<string, unknown>;
    const { properties = {}, required = [] } = schema;
    for (const name of required) {
      if (object[name] === undefined) report(issues, [...path, name], "is required");
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(object)) {
        if (!Object.hasOwn(properties, name)) {
          report(issues, [...path, name], "is not a field of the spec");
        }
      }
    }
    for (const name in properties) {
      if (object[name] !== undefined) {
        path.push(name);
        check(properties[name] as RequestSchema, object[name], path, issues);
        path.pop();
      }
    }
  }
}

/** Throws a ValidationError listing every problem, so nothing is sent half-way. */
export function assertValidInvite(conferenceId: unknown, body: unknown): void {
  const issues: ValidationIssue[] = [];
  check(conferenceIdSchema, conferenceId, [], issues);
  // The path parameter is named, not pointed at: it is not part of the body.
  for (const issue of issues) issue.path = "conferenceId";
  check(inviteUsersRequestSchema, body, [], issues);
  if (issues.length) throw new ValidationError(issues);
}

/**
 * Throws a ValidationError when the token has a character an HTTP header value
 * cannot carry (RFC 9110 field-value: tab, visible ASCII, space, obs-text).
 * fetch would refuse it with a message quoting the value, after the call began.
 */
export function assertValidToken(token: string): string {
  if (/[^\t\x20-\x7e\x80-\xff]/.test(token)) {
    throw new ValidationError([
      { path: "accessToken", message: "is not a valid HTTP header value" },
    ]);
  }
  return token;
}

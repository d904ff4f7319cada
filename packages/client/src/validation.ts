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

/** JSON Schema's name for the type of a JSON value (arrays and null are not "object"). */
function jsonType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  return value === null ? "null" : typeof value;
}

const isValid = (schema: RequestSchema, value: unknown) => issuesOf(schema, value, "").length === 0;

/** Every way `value`, found at `path` (a JSON pointer), breaks `schema`, in ajv's order. */
function issuesOf(schema: RequestSchema, value: unknown, path: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (message: string, at = path) => issues.push({ path: at, message });
  if (schema.not && isValid(schema.not, value)) issue("is a value the spec rules out");
  if (schema.enum && !schema.enum.includes(value)) issue("is not one of the spec's values");
  const type = jsonType(value);
  if (schema.type !== undefined && type !== schema.type) {
    issue(`must be ${schema.type}`);
  } else if (type === "string") {
    const { minLength = 0 } = schema;
    // Counted in code points, as JSON Schema does: an emoji is one character.
    if ([...(value as string)].length < minLength) {
      issue(`must have at least ${minLength} characters`);
    }
  } else if (type === "array" && schema.items) {
    for (const [index, item] of (value as unknown[]).entries()) {
      issues.push(...issuesOf(schema.items, item, `${path}/${index}`));
    }
  } else if (type === "object") {
    const object = value as Record<string, unknown>;
    const properties = schema.properties ?? {};
    for (const name of schema.required ?? []) {
      if (object[name] === undefined) issue("is required", `${path}/${name}`);
    }
    if (schema.additionalProperties === false) {
      for (const name of Object.keys(object)) {
        if (!Object.hasOwn(properties, name))
          issue("is not a field of the spec", `${path}/${name}`);
      }
    }
    for (const [name, property] of Object.entries(properties)) {
      if (object[name] !== undefined)
        issues.push(...issuesOf(property, object[name], `${path}/${name}`));
    }
  }
  return issues;
}

/** Throws a ValidationError listing every problem, so nothing is sent half-way. */
export function assertValidInvite(conferenceId: unknown, body: unknown): void {
  const issues = [
    // The path parameter is named, not pointed at: it is not part of the body.
    ...issuesOf(conferenceIdSchema, conferenceId, "").map((issue) => ({
      ...issue,
      path: "conferenceId",
    })),
    ...issuesOf(inviteUsersRequestSchema, body, ""),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
}

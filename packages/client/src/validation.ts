import { ValidationError, type ValidationIssue } from "./errors.js";
import {
  type SpecValidationError,
  type SpecValidator,
  validateConferenceId,
  validateInviteUsersRequest,
} from "./generated/validators.js";

/** A readable issue for one ajv error; a missing or unknown field is pointed at itself, not its parent. */
function toIssue(
  { instancePath, keyword, params }: SpecValidationError,
  root: string,
): ValidationIssue {
  const path = root + instancePath;
  if (keyword === "required")
    return { path: `${path}/${params.missingProperty}`, message: "is required" };
  if (keyword === "additionalProperties") {
    return { path: `${path}/${params.additionalProperty}`, message: "is not a field of the spec" };
  }
  if (keyword === "type") return { path, message: `must be ${params.type}` };
  if (keyword === "minLength")
    return { path, message: `must have at least ${params.limit} characters` };
  if (keyword === "not") return { path, message: "is a value the spec rules out" };
  return { path, message: `fails the spec's ${keyword} rule` };
}

const issuesOf = (validate: SpecValidator, value: unknown, root: string): ValidationIssue[] =>
  validate(value) ? [] : (validate.errors ?? []).map((error) => toIssue(error, root));

/** Throws a ValidationError listing every problem, so nothing is sent half-way. */
export function assertValidInvite(conferenceId: unknown, body: unknown): void {
  const issues = [
    ...issuesOf(validateConferenceId, conferenceId, "conferenceId"),
    ...issuesOf(validateInviteUsersRequest, body, ""),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
}

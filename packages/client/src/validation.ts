import { ValidationError, type ValidationIssue } from "./errors.js";
import {
  type SpecValidator,
  validateConferenceId,
  validateInviteUsersRequest,
} from "./generated/validators.js";

/** Issues from a validator compiled from the spec, with paths under `root`. */
function issuesOf(validate: SpecValidator, value: unknown, root: string): ValidationIssue[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(({ instancePath, keyword, params, message }) => {
    // ajv reports a missing or unknown field at its parent; point at the field itself.
    const field = params.missingProperty ?? params.additionalProperty;
    return field === undefined
      ? { path: root + instancePath, message: message ?? keyword }
      : {
          path: `${root}${instancePath}/${field}`,
          message: keyword === "required" ? "is required" : "is not a field of the spec",
        };
  });
}

/** Throws a ValidationError listing every problem, so nothing is sent half-way. */
export function assertValidInvite(conferenceId: unknown, body: unknown): void {
  const issues = [
    ...issuesOf(validateConferenceId, conferenceId, "conferenceId"),
    ...issuesOf(validateInviteUsersRequest, body, ""),
  ];
  // URLs resolve these segments even when percent-encoded: they would reach another path.
  if (conferenceId === "." || conferenceId === "..") {
    issues.push({ path: "conferenceId", message: "must not be a dot segment" });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** One entry of Prism's `sl-violations` header. */
export interface SlViolation {
  readonly location: readonly string[];
  readonly severity: string;
  readonly code?: string | number;
  readonly message: string;
}

/**
 * What Prism found wrong with a request (mock) or a request and its response
 * (proxy). Prism sends the header only when it found something.
 */
export function slViolationsOf(headers: Headers): SlViolation[] {
  const header = headers.get("sl-violations");
  if (header === null) return [];
  const parsed: unknown = JSON.parse(header);
  if (!Array.isArray(parsed)) throw new Error(`sl-violations is not a JSON array: ${header}`);
  return parsed as SlViolation[];
}

/** One readable line per violation, for assertion messages. */
export function formatSlViolation(violation: SlViolation): string {
  return `sl-violations: ${violation.severity} at ${violation.location.join(".")}: ${violation.message}`;
}

/**
 * Whether Prism found the request invalid: the mock lists what it found in
 * `sl-violations` (and answers with the spec's 400); the validating proxy
 * refuses it outright with a 422 problem, without forwarding it.
 */
export function prismFlagged(status: number, headers: Headers): boolean {
  return slViolationsOf(headers).length > 0 || status === 422;
}

import { securityHeadersOf } from "@dingtalk-conference/spec/document";
import type { Exchange } from "./recording-fetch.js";
import { schemaErrors } from "./schema-validator.js";
import { formatSlViolation, slViolationsOf } from "./sl-violations.js";
import { operationForPath } from "./spec.js";

export interface ConformanceOptions {
  /**
   * Whether the request was one the server should have accepted. A server
   * error in answer to it is a failure, unless the case asked Prism for
   * a documented 5xx on purpose.
   */
  readonly requestWasValid: boolean;
  /** The case asked for this status (Prism's `Prefer: code=…`). */
  readonly askedForStatus?: number;
  /** The request left out its credentials on purpose, to learn how the server refuses it. */
  readonly credentialsLeftOut?: boolean;
}

/**
 * Everything wrong with one exchange, in the manner of Schemathesis's checks:
 * the request reached a documented operation with its credentials and without
 * Prism's `sl-violations`, and the response is not a server error, has a
 * documented status and content type, and a body that matches the schema.
 * Empty when the exchange honours the contract.
 */
export function contractProblems(exchange: Exchange, options: ConformanceOptions): string[] {
  const { method, url } = exchange;
  const where = `${method} ${url.pathname}`;
  const operation = operationForPath(method, url.pathname);
  if (!operation) return [`${where}: no operation of the spec has this method and path`];

  const problems = securityHeadersOf(operation)
    .filter((header) => !options.credentialsLeftOut && !exchange.requestHeaders.get(header))
    .map((header) => `${where}: request lacks the ${header} header its security scheme requires`);

  const response = exchange.response;
  if (!response) return [...problems, `${where}: no response was received`];
  problems.push(
    ...slViolationsOf(response.headers).map((v) => `${where}: ${formatSlViolation(v)}`),
  );

  const { status } = response;
  if (status >= 500 && options.requestWasValid && options.askedForStatus !== status) {
    problems.push(`${where}: not_a_server_error: answered ${status} to a valid request`);
  }
  const documented = operation.responses[String(status)];
  if (!documented) {
    const known = Object.keys(operation.responses).join(", ");
    return [...problems, `${where}: status_code_conformance: ${status} is not one of ${known}`];
  }

  const content = documented.content ?? {};
  const contentType = response.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (Object.keys(content).length === 0) return problems;
  const media = contentType === undefined ? undefined : content[contentType];
  if (!media) {
    const known = Object.keys(content).join(", ");
    return [
      ...problems,
      `${where}: content_type_conformance: ${status} came as ${contentType ?? "no content type"}, documented: ${known}`,
    ];
  }
  if (media.schema && contentType?.endsWith("json")) {
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [...problems, `${where}: response_schema_conformance: ${status} body is not JSON`];
    }
    problems.push(
      ...schemaErrors(media.schema, body).map(
        (error) => `${where}: response_schema_conformance: ${status} body ${error}`,
      ),
    );
  }
  return problems;
}

/** The problems of every exchange of one call. */
export function problemsOf(exchanges: readonly Exchange[], options: ConformanceOptions): string[] {
  return exchanges.flatMap((exchange) => contractProblems(exchange, options));
}

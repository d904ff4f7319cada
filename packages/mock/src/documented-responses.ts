// Prism's conventions for choosing a response: a request with
// `Prefer: code=<status>, example=<name>` gets exactly that documented
// response. Everything that asks Prism for a response (the `pnpm mock` curl
// lines, the review page, the contract suite) builds its cases and headers here.
import { type Operation, operationsOf, responsesOf } from "@dingtalk-conference/spec/document";

/** One response the spec documents: a status, a content type, and one of its named examples. */
export interface DocumentedResponse {
  readonly operation: Operation;
  readonly status: number;
  /** Absent when the response has no body. */
  readonly contentType?: string;
  /** Absent when the spec documents the response without a named example. */
  readonly exampleName?: string;
  readonly summary?: string;
  readonly example?: unknown;
}

/** The spec documents a response Prism cannot be asked for (a range such as "4XX", or "default"). */
export class UnaskableResponseError extends Error {
  override readonly name = "UnaskableResponseError";
}

/**
 * Every status × content type × named example of every operation of an
 * OpenAPI document: a new example in the spec is a new case, with no code to
 * write. A response without a body (a 204) is a case too.
 */
export function documentedResponses(spec: unknown): DocumentedResponse[] {
  return operationsOf(spec).flatMap((operation) =>
    responsesOf(operation).map(({ status: statusKey, ...documented }) => {
      const status = Number(statusKey);
      if (!/^\d{3}$/.test(statusKey)) {
        // Prism's Prefer header selects exact codes only.
        throw new UnaskableResponseError(
          `${operation.operationId}: response "${statusKey}" is not an exact status code, so Prism cannot be asked for it; document each status it stands for in spec/openapi.yaml`,
        );
      }
      return { operation, status, ...documented };
    }),
  );
}

/** The `Prefer` header value that makes Prism answer with exactly this response. */
export function preferHeader(response: Pick<DocumentedResponse, "status" | "exampleName">): string {
  const example = response.exampleName === undefined ? "" : `, example=${response.exampleName}`;
  return `code=${response.status}${example}`;
}

/** "inviteUsers 400 paramsError — Parameter error …": how a list of documented responses names one. */
export function describeResponse(response: DocumentedResponse): string {
  const title = [response.operation.operationId, response.status, response.exampleName]
    .filter((part) => part !== undefined)
    .join(" ");
  return response.summary ? `${title} — ${response.summary}` : title;
}

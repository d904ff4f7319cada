import type { Operation } from "@dingtalk-conference/spec/document";
import { spec } from "./spec.js";

/** One response the spec documents: a status, a content type, and one of its named examples. */
export interface DocumentedResponse {
  readonly operation: Operation;
  readonly status: number;
  /** Absent when the response has no body. */
  readonly contentType?: string;
  /** Absent when the spec documents the response without a named example. */
  readonly exampleName?: string;
  readonly example?: unknown;
}

/**
 * Every status × content type × named example of every operation, read from
 * the spec: a new example there is a new case here, with no test to write.
 */
export function documentedResponses(operations: readonly Operation[]): DocumentedResponse[] {
  return operations.flatMap((operation) =>
    Object.entries(operation.responses).flatMap(([statusKey, response]) => {
      const status = Number(statusKey);
      if (!Number.isInteger(status)) {
        // Prism's Prefer header selects exact codes only; a range or default cannot be asked for.
        throw new Error(
          `${operation.operationId}: response "${statusKey}" is not an exact status code; teach the contract suite how to ask Prism for it`,
        );
      }
      // A response without a body (a 204) is still a response the client must handle.
      if (!response.content) return [{ operation, status }];
      return Object.entries(response.content).flatMap(([contentType, media]) => {
        const examples = Object.entries(media.examples ?? {});
        if (examples.length === 0) return [{ operation, status, contentType }];
        return examples.map(([exampleName, { value }]) => ({
          operation,
          status,
          contentType,
          exampleName,
          example: value,
        }));
      });
    }),
  );
}

/** How to ask Prism for exactly this response. */
export function preferHeader(response: DocumentedResponse): string {
  const example = response.exampleName === undefined ? "" : `, example=${response.exampleName}`;
  return `code=${response.status}${example}`;
}

export function describeResponse(response: DocumentedResponse): string {
  const example = response.exampleName ?? "(no named example)";
  return `${response.operation.operationId} → ${response.status} ${example} [${response.contentType ?? "no body"}]`;
}

export const allDocumentedResponses: readonly DocumentedResponse[] = documentedResponses(
  spec.operations,
);

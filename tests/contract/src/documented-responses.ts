// The suite's cases: every response the spec documents, as the mock package
// (which owns Prism's `Prefer` conventions) lists them.
import { type DocumentedResponse, documentedResponses } from "@dingtalk-conference/mock";
import { spec } from "./spec.js";

export { type DocumentedResponse, preferHeader } from "@dingtalk-conference/mock";

export function describeResponse(response: DocumentedResponse): string {
  const example = response.exampleName ?? "(no named example)";
  return `${response.operation.operationId} → ${response.status} ${example} [${response.contentType ?? "no body"}]`;
}

export const allDocumentedResponses: readonly DocumentedResponse[] = documentedResponses(
  spec.document,
);

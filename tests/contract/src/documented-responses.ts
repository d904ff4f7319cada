// The suite's cases: every response the spec documents, as the mock package
// (which owns Prism's `Prefer` conventions) lists and names them.
import { type DocumentedResponse, documentedResponses } from "@dingtalk-conference/mock";
import { spec } from "./spec.js";

export { type DocumentedResponse, describeResponse, preferHeader } from "@dingtalk-conference/mock";

export const allDocumentedResponses: readonly DocumentedResponse[] = documentedResponses(
  spec.document,
);

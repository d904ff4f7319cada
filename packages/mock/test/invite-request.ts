// The spec's own inviteUsers request, for tests that change one thing about it.
import {
  examplePathParams,
  expandPath,
  loadSpec,
  requestExamplesOf,
} from "@dingtalk-conference/spec/document";
import { documentedResponses } from "../src/documented-responses.js";

const responses = documentedResponses(loadSpec());
const invite = responses.find((response) => response.operation.operationId === "inviteUsers");
if (!invite) throw new Error("the spec has no inviteUsers operation");

export const invitePath = expandPath(
  invite.operation.pathTemplate,
  examplePathParams(invite.operation),
);
export const inviteBody = JSON.stringify(requestExamplesOf(invite.operation)[0]?.value);

/** The example the spec documents for inviteUsers' answer with this status and name. */
export function inviteExample(status: number, exampleName: string): unknown {
  const found = responses.find(
    (response) =>
      response.operation === invite?.operation &&
      response.status === status &&
      response.exampleName === exampleName,
  );
  if (!found) throw new Error(`inviteUsers documents no ${status} ${exampleName}`);
  return found.example;
}

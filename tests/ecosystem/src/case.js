// What every runtime is asked to do, read from the spec so the consumers hold
// no example of their own.
import { documentedResponses, preferHeader } from "@dingtalk-conference/mock";
import {
  examplePathParams,
  loadSpec,
  operationsOf,
  requestExamplesOf,
} from "@dingtalk-conference/spec/document";

/**
 * @typedef {object} EcosystemCase
 * @property {string} baseUrl the Prism mock
 * @property {string} accessToken
 * @property {string} conferenceId the spec's example
 * @property {Record<string, unknown>} body the spec's request example
 * @property {{ body: unknown, issuePath: string }} missingNick the example without its first invitee's nick
 * @property {{ prefer: string, errorClass: string, requestId: string }} unknownUser
 */

const operationId = "inviteUsers";
const unknownUserExample = "unknownUserError";

/** @returns {EcosystemCase} */
export function readCase(baseUrl) {
  const spec = loadSpec();
  const operation = operationsOf(spec).find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  const [example] = requestExamplesOf(operation);
  const body = /** @type {any} */ (example.value);
  if (!body.inviteeList?.[0]?.nick) {
    throw new Error(`${operationId}'s request example has no inviteeList[0].nick to leave out`);
  }
  const withoutNick = structuredClone(body);
  delete withoutNick.inviteeList[0].nick;

  const unknownUser = documentedResponses(spec).find(
    (response) =>
      response.operation.operationId === operationId && response.exampleName === unknownUserExample,
  );
  const requestId = /** @type {any} */ (unknownUser?.example)?.requestid;
  if (!unknownUser?.clientError || typeof requestId !== "string") {
    throw new Error(
      `${operationId} documents no ${unknownUserExample} example with x-client-error and a requestid`,
    );
  }

  return {
    baseUrl,
    accessToken: "ecosystem-test-token",
    conferenceId: examplePathParams(operation).conferenceId,
    body,
    missingNick: { body: withoutNick, issuePath: "/inviteeList/0/nick" },
    unknownUser: {
      prefer: preferHeader(unknownUser),
      errorClass: unknownUser.clientError,
      requestId,
    },
  };
}

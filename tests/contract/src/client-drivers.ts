import { createAppTokenProvider, createConferenceClient } from "@dingtalk-conference/client";
import type { RequestExample } from "./request-examples.js";
import type { ContractTarget } from "./targets.js";

/** How the client's public API performs one operation of the spec. */
export interface OperationDriver {
  call(
    target: ContractTarget,
    fetch: typeof globalThis.fetch,
    request: RequestExample,
  ): Promise<unknown>;
  /** The part of the documented success body the client hands back, shaped like that body. */
  resultAsBody(result: unknown): Record<string, unknown>;
}

// One request per call: each exchange is then one documented answer, and the
// retry policy (which the client's own tests cover) cannot blur the mapping.
const maxRetries = 0;

const drivers: Readonly<Record<string, OperationDriver>> = {
  inviteUsers: {
    call: (target, fetch, { pathParams, body }) =>
      createConferenceClient({
        accessToken: target.accessToken,
        baseUrl: target.baseUrl,
        fetch,
        maxRetries,
      }).inviteUsers(pathParams.conferenceId as string, body as never),
    resultAsBody: (result) => ({ success: (result as { success: unknown }).success }),
  },
  getAccessToken: {
    call: (target, fetch, { body }) =>
      createAppTokenProvider({
        ...(body as { appKey: string; appSecret: string }),
        baseUrl: target.baseUrl,
        fetch,
      })(),
    resultAsBody: (token) => ({ accessToken: token }),
  },
};

/** The driver of an operation; an operation the client cannot perform fails the suite by name. */
export function driverFor(operationId: string): OperationDriver {
  const driver = drivers[operationId];
  if (!driver) {
    throw new Error(
      `the spec has operation ${operationId}, which the contract suite cannot call through the client; add a driver in client-drivers.ts`,
    );
  }
  return driver;
}

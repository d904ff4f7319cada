import { createAppTokenProvider, createConferenceClient } from "@dingtalk-conference/client";
import { type Operation, securityHeadersOf } from "@dingtalk-conference/spec/document";
import type { RequestExample } from "./request-examples.js";
import type { ContractTarget } from "./targets.js";

/** How the client performs one operation of the spec. */
export interface OperationDriver {
  /**
   * A client method throws the documented error class for an error answer;
   * `client.raw` (openapi-fetch) resolves with the error body instead.
   */
  readonly via: "client method" | "client.raw";
  call(
    target: ContractTarget,
    fetch: typeof globalThis.fetch,
    request: RequestExample,
  ): Promise<unknown>;
  /** The part of the documented body the result carries, shaped like that body. */
  resultAsBody(result: unknown): unknown;
}

// One request per call: each exchange is then one documented answer, and the
// retry policy (which the client's own tests cover) cannot blur the mapping.
const maxRetries = 0;

const clientFor = (target: ContractTarget, fetch: typeof globalThis.fetch) =>
  createConferenceClient({
    accessToken: target.accessToken,
    baseUrl: target.baseUrl,
    fetch,
    maxRetries,
  });

/** The operations the client has a method for. */
const methodDrivers: Readonly<Record<string, OperationDriver>> = {
  inviteUsers: {
    via: "client method",
    call: (target, fetch, { pathParams, body }) =>
      clientFor(target, fetch).inviteUsers(pathParams.conferenceId as string, body as never),
    resultAsBody: (result) => ({ success: (result as { success: unknown }).success }),
  },
  getAccessToken: {
    via: "client method",
    call: (target, fetch, { body }) =>
      createAppTokenProvider({
        ...(body as { appKey: string; appSecret: string }),
        baseUrl: target.baseUrl,
        fetch,
      })(),
    resultAsBody: (token) => ({ accessToken: token }),
  },
};

/**
 * Any other operation, through the client's typed openapi-fetch client, which
 * serves every path of the generated types: a new operation in the spec is
 * checked before (and whether or not) the client gets a method for it.
 */
function rawDriver(operation: Operation): OperationDriver {
  const credentialHeaders = securityHeadersOf(operation);
  return {
    via: "client.raw",
    call: async (target, fetch, { pathParams, query, headers, body }) => {
      const credentials = Object.fromEntries(
        credentialHeaders.map((header) => [header, target.accessToken]),
      );
      // The operation is chosen at run time, so its path and method cannot be typed literals here.
      const { data, error } = await clientFor(target, fetch).raw.request(
        operation.method.toUpperCase() as never,
        operation.pathTemplate as never,
        {
          params: { path: pathParams, query, header: headers },
          headers: credentials,
          ...(body === undefined ? {} : { body }),
        } as never,
      );
      return data ?? error;
    },
    resultAsBody: (result) => result,
  };
}

/** How the suite calls an operation: the client's method for it, else `client.raw`. */
export function driverFor(operation: Operation): OperationDriver {
  return methodDrivers[operation.operationId] ?? rawDriver(operation);
}

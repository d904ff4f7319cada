import { createConferenceClient, type InviteUsersRequest } from "@dingtalk-conference/client";
import { createNodeFetch } from "@dingtalk-conference/client/node";
import type { Subject } from "./harness.js";
import { accessToken, assertSuccess, conferenceId, invitePath, inviteUrl } from "./invite-call.js";

/** @dingtalk-conference/client with its default transport, the portable global fetch. */
export function clientWithFetch(baseUrl: string, body: InviteUsersRequest): Subject {
  const client = createConferenceClient({ accessToken, baseUrl });
  return {
    name: "client, default fetch",
    call: async () => assertSuccess("client", await client.inviteUsers(conferenceId, body)),
  };
}

/** @dingtalk-conference/client on its optional Node transport (node:http keep-alive). */
export function clientWithNodeTransport(baseUrl: string, body: InviteUsersRequest): Subject {
  const client = createConferenceClient({ accessToken, baseUrl, fetch: createNodeFetch() });
  return {
    name: "client, Node transport",
    call: async () => assertSuccess("client (node)", await client.inviteUsers(conferenceId, body)),
  };
}

/**
 * `client.raw`: openapi-fetch through the client's `Request` and `fetch`
 * seams, reading the answer as the client does, with none of the client's
 * own work (validation, time limits, error mapping). The floor of any client
 * built on openapi-fetch over that transport.
 */
export function clientRaw(
  baseUrl: string,
  body: InviteUsersRequest,
  transport: "default fetch" | "Node transport",
): Subject {
  const { raw } = createConferenceClient({
    accessToken,
    baseUrl,
    ...(transport === "Node transport" ? { fetch: createNodeFetch() } : {}),
  });
  return {
    name: `client.raw (openapi-fetch alone), ${transport}`,
    call: async () => {
      const { data } = await raw.POST(invitePath, {
        params: { path: { conferenceId } },
        body,
        parseAs: "text",
      });
      assertSuccess("client.raw", JSON.parse(data as string));
    },
  };
}

/**
 * The Node transport alone, called as fetch(url, init) with the per-call
 * timeout the client gives it: separates its cost from the client's.
 */
export function nodeTransportAlone(baseUrl: string, body: InviteUsersRequest): Subject {
  const nodeFetch = createNodeFetch();
  const url = inviteUrl(baseUrl);
  return {
    name: "createNodeFetch() alone, with timeoutMs",
    call: async () => {
      const response = await nodeFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": accessToken },
        body: JSON.stringify(body),
        timeoutMs: 30_000,
      });
      assertSuccess("createNodeFetch", await response.json());
    },
  };
}

import { Agent, request } from "node:http";
import type { InviteUsersRequest, paths } from "@dingtalk-conference/client";
import createClient from "openapi-fetch";
import type { Subject } from "./harness.js";
import { accessToken, assertSuccess, conferenceId, invitePath, inviteUrl } from "./invite-call.js";
import { loadVendorSdk } from "./vendor-sdk.js";

function jsonInit(body: InviteUsersRequest): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": accessToken },
    body: JSON.stringify(body),
  };
}

/** fetch(url, init): the floor every fetch-based figure is a ratio against. */
export function rawFetch(baseUrl: string, body: InviteUsersRequest): Subject {
  const url = inviteUrl(baseUrl);
  return {
    name: "raw fetch(url, init)",
    call: async () => {
      const response = await fetch(url, jsonInit(body));
      assertSuccess("raw fetch", await response.json());
    },
  };
}

/**
 * fetch(url, init) with a per-call timeout signal (AbortController + timer, as
 * any client with timeouts needs): what the signal alone costs on undici.
 */
export function rawFetchWithTimeout(baseUrl: string, body: InviteUsersRequest): Subject {
  const url = inviteUrl(baseUrl);
  return {
    name: "raw fetch + timeout signal",
    call: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const response = await fetch(url, { ...jsonInit(body), signal: controller.signal });
        assertSuccess("raw fetch + signal", await response.json());
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** fetch(new Request(url, init)): what openapi-fetch does by default. */
export function fetchWithRequest(baseUrl: string, body: InviteUsersRequest): Subject {
  const url = inviteUrl(baseUrl);
  return {
    name: "fetch(new Request(url, init))",
    call: async () => {
      const response = await fetch(new Request(url, jsonInit(body)));
      assertSuccess("fetch(Request)", await response.json());
    },
  };
}

/** node:http with a keep-alive agent: the floor for anything on Node. */
export function nodeHttp(baseUrl: string, body: InviteUsersRequest): Subject {
  const agent = new Agent({ keepAlive: true });
  const url = new URL(inviteUrl(baseUrl));
  const post = (): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const outgoing = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
            "x-acs-dingtalk-access-token": accessToken,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
          response.on("error", reject);
        },
      );
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
  return {
    name: "node:http keep-alive",
    call: async () => assertSuccess("node:http", await post()),
  };
}

/** openapi-fetch as it comes, with the generated types and nothing else. */
export function plainOpenapiFetch(baseUrl: string, body: InviteUsersRequest): Subject {
  const api = createClient<paths>({ baseUrl });
  return {
    name: "plain openapi-fetch",
    call: async () => {
      const { data } = await api.POST(invitePath, {
        params: { path: { conferenceId } },
        headers: { "x-acs-dingtalk-access-token": accessToken },
        body,
      });
      assertSuccess("openapi-fetch", data);
    },
  };
}

/** The vendor's SDK, pointed at the loopback server the way its Config allows. */
export function vendorSdk(baseUrl: string, body: InviteUsersRequest): Subject {
  const { conference: vendor, OpenApi, TeaUtil } = loadVendorSdk();
  const client = new vendor.default(
    new OpenApi.Config({ protocol: "http", endpoint: new URL(baseUrl).host }),
  );
  const headers = new vendor.InviteUsersHeaders({ xAcsDingtalkAccessToken: accessToken });
  const runtime = new TeaUtil.RuntimeOptions({});
  return {
    name: "vendor SDK (@alicloud/dingtalk)",
    call: async () => {
      const request = new vendor.InviteUsersRequest({
        unionId: body.unionId,
        inviteeList: body.inviteeList?.map(
          (invitee) => new vendor.InviteUsersRequestInviteeList(invitee),
        ),
      });
      const answer = await client.inviteUsersWithOptions(conferenceId, request, headers, runtime);
      assertSuccess("vendor SDK", answer.body);
    },
  };
}

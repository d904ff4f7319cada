import type { Client } from "openapi-fetch";
import { describe, expectTypeOf, it } from "vitest";
import {
  type ClientFetch,
  type ConferenceClient,
  type ConferenceClientError,
  createAppTokenProvider,
  createConferenceClient,
  DingTalkApiError,
  type InviteUsersResult,
  type paths,
  ThrottledError,
  type TokenProvider,
  ValidationError,
} from "../src/index.js";

declare const client: ConferenceClient;

describe("inviteUsers types", () => {
  it("accepts the documented body and resolves to the documented result", () => {
    const result = client.inviteUsers("c", {
      unionId: "op",
      inviteeList: [{ unionId: "u", nick: "Test user" }],
      phoneInviteeList: [{ phoneNumber: "1", nick: "Test phone user" }],
    });
    expectTypeOf(result).toEqualTypeOf<Promise<InviteUsersResult>>();
    expectTypeOf<InviteUsersResult>().toEqualTypeOf<{
      success: boolean;
      requestId: string | undefined;
    }>();
  });

  it("refuses an invitee without nick, a wrong field, and a wrong type", () => {
    // @ts-expect-error nick is required on an invitee
    client.inviteUsers("c", { inviteeList: [{ unionId: "u" }] });
    // @ts-expect-error nickname is not a field of the spec
    client.inviteUsers("c", { inviteeList: [{ nick: "Test user", nickname: "Test user" }] });
    // @ts-expect-error phoneNumber is a string
    client.inviteUsers("c", { phoneInviteeList: [{ phoneNumber: 13800138000 }] });
    // @ts-expect-error conferenceId is a string
    client.inviteUsers(42, {});
  });

  it("takes per-call options", () => {
    client.inviteUsers("c", {}, { signal: AbortSignal.timeout(1), timeoutMs: 1, maxRetries: 0 });
    // @ts-expect-error retries is not an option
    client.inviteUsers("c", {}, { retries: 1 });
  });
});

describe("error types", () => {
  it("narrow with instanceof to the facts each class carries", () => {
    const error: unknown = undefined;
    if (error instanceof DingTalkApiError) {
      expectTypeOf(error.status).toEqualTypeOf<number>();
      expectTypeOf(error.code).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(error.headers).toEqualTypeOf<Headers>();
      expectTypeOf(error.mayHaveActed).toEqualTypeOf<boolean>();
    }
    if (error instanceof ThrottledError) {
      expectTypeOf(error.retryAfterMs).toEqualTypeOf<number | undefined>();
      expectTypeOf(error).toExtend<DingTalkApiError>();
    }
    if (error instanceof ValidationError) {
      expectTypeOf(error.issues).toEqualTypeOf<{ path: string; message: string }[]>();
      expectTypeOf(error).toExtend<ConferenceClientError>();
    }
  });
});

describe("options types", () => {
  it("take a string, a function or a TokenProvider as the token", () => {
    const tokens = createAppTokenProvider({ appKey: "k", appSecret: "s" });
    expectTypeOf(tokens).toEqualTypeOf<TokenProvider>();
    expectTypeOf(tokens()).toEqualTypeOf<Promise<string>>();
    createConferenceClient({ accessToken: tokens });
    createConferenceClient({ accessToken: () => "t", retry: { unsafe: true } });
    createConferenceClient({ accessToken: "t", baseUrl: "http://127.0.0.1:1", timeoutMs: 1 });
    // @ts-expect-error the token is required
    createConferenceClient({});
  });

  it("take the global fetch, or any function of a Request to a Response, as fetch", () => {
    expectTypeOf(globalThis.fetch).toExtend<ClientFetch>();
    expectTypeOf<ClientFetch>().parameters.toEqualTypeOf<[Request]>();
    const viaProxy = (request: Request) =>
      fetch(new Request(request, { headers: { "x-via": "1" } }));
    createConferenceClient({ accessToken: "t", fetch: viaProxy });
    createAppTokenProvider({ appKey: "k", appSecret: "s", fetch: viaProxy });
    // @ts-expect-error a fetch answers with a whole Response
    createConferenceClient({ accessToken: "t", fetch: async () => ({ status: 200 }) });
  });

  it("type raw as the openapi-fetch client of the spec's paths", () => {
    expectTypeOf(client.raw).toEqualTypeOf<Client<paths>>();
    const call = client.raw.POST("/v1.0/conference/videoConferences/{conferenceId}/users/invite", {
      params: { path: { conferenceId: "c" } },
      body: { inviteeList: [{ nick: "Test user" }] },
    });
    expectTypeOf(call).resolves.toHaveProperty("data");
    // @ts-expect-error the path must be one of the spec's
    client.raw.POST("/v1.0/unknown", {});
  });
});

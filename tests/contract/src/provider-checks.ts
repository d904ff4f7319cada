// What only a real server can get wrong: how it answers a request whose one
// fault is its access token, and whether it answers a harmless invitation as
// documented. Each check returns its problems, so the suite asserts there are
// none, and its own tests hold the checks to misbehaving loopback providers.
import { createConferenceClient, DingTalkApiError } from "@dingtalk-conference/client";
import {
  examplePathParams,
  SpecDocumentError,
  securityHeadersOf,
} from "@dingtalk-conference/spec/document";
import { contractProblems, problemsOf } from "./conformance.js";
import { allDocumentedResponses, type DocumentedResponse } from "./documented-responses.js";
import { expectedErrorClass, UnknownErrorClassError } from "./expected-errors.js";
import { type Outcome, settle } from "./outcome.js";
import { type Exchange, recordingFetch } from "./recording-fetch.js";
import { operationById } from "./spec.js";
import type { ContractTarget } from "./targets.js";

const invite = operationById("inviteUsers");

/**
 * An invitation of no one: both lists that name people to ring are empty, and
 * no operator is named. The schema accepts it, so a server refusing it refuses
 * the token alone; and a server that took a missing or bad token anyway would
 * still ring no one. That makes it safe to send to a real provider every run.
 */
export const invitationOfNoOne = { inviteeList: [], phoneInviteeList: [] } as const;

/** A token no server issued. */
const invalidToken = "contract-suite-invalid-token";

export interface ProviderCheck {
  readonly name: string;
  /** A mock takes any token for a good one, so it can be held only to some checks. */
  readonly mockCanAnswer: boolean;
  /** What is wrong with the server's answer; empty when it honours the spec. */
  run(target: ContractTarget): Promise<string[]>;
}

export const providerChecks: readonly ProviderCheck[] = [
  {
    name: "answers an invitation of no one as documented",
    mockCanAnswer: true,
    run: async (target) => {
      const recorder = recordingFetch();
      const outcome = await settle(inviteNoOne(target, target.baseUrl, recorder.fetch));
      const problems = problemsOf(recorder.exchanges, { requestWasValid: true });
      if (outcome.ok || isDocumentedError(outcome.error)) return problems;
      return [...problems, `the client could not read the answer as documented: ${outcome.error}`];
    },
  },
  {
    name: "refuses a request without a token as documented",
    mockCanAnswer: true,
    run: (target) =>
      probeAuthentication(target, {
        sent: "without a token",
        exampleName: "AuthenticationFailed.MissingParameter",
        sendsToken: false,
      }),
  },
  {
    name: "refuses an invalid token as documented",
    mockCanAnswer: false,
    run: (target) =>
      probeAuthentication(target, {
        sent: "with an invalid token",
        exampleName: "InvalidAuthentication",
        sendsToken: true,
      }),
  },
];

function inviteNoOne(target: ContractTarget, baseUrl: string, fetch: typeof globalThis.fetch) {
  const { conferenceId } = { ...examplePathParams(invite), ...target.pathParams };
  return createConferenceClient({
    accessToken: target.accessToken,
    baseUrl,
    fetch,
    maxRetries: 0,
  }).inviteUsers(conferenceId as string, invitationOfNoOne as never);
}

/**
 * Sends the invitation of no one straight to the server (Prism's proxy would
 * answer a missing token itself), with a token no server issued or with none,
 * and compares the answer with the inviteUsers error example the spec
 * documents for that case. The target's own token is never used.
 */
async function probeAuthentication(
  target: ContractTarget,
  probe: { sent: string; exampleName: string; sendsToken: boolean },
): Promise<string[]> {
  const { status, code } = documentedRefusal(probe.exampleName);
  const recorder = recordingFetch();
  const sendWith = probe.sendsToken ? recorder.fetch : withoutCredentials(recorder.fetch);
  const outcome = await settle(
    inviteNoOne({ ...target, accessToken: invalidToken }, target.origin, sendWith),
  );
  const expected = `${status} ${code}`;
  const where = `a request ${probe.sent}`;
  const [exchange, ...more] = recorder.exchanges;
  if (!exchange?.response)
    return [
      `${where} got no answer, where the spec documents ${expected}: ${outcomeText(outcome)}`,
    ];
  if (more.length > 0) return [`${where} was sent ${recorder.exchanges.length} times, not once`];
  return [
    ...answerDifferences(exchange, where, status, code),
    ...contractProblems(exchange, {
      requestWasValid: false,
      credentialsLeftOut: !probe.sendsToken,
    }),
    ...errorClassDifference(outcome, where, code),
  ];
}

/**
 * The status and DingTalk code of the inviteUsers error example a probe
 * compares the server's answer with; a spec without it cannot be probed.
 */
export function documentedRefusal(
  exampleName: string,
  responses: readonly DocumentedResponse[] = allDocumentedResponses,
): { status: number; code: string } {
  const documented = responses.find(
    (response) =>
      response.operation.operationId === invite.operationId && response.exampleName === exampleName,
  );
  const code = (documented?.example as { code?: unknown } | undefined)?.code;
  if (!documented || typeof code !== "string") {
    throw new SpecDocumentError(
      `inviteUsers: no ${exampleName} error example with a code, which the provider checks compare the server's answer with; restore it in spec/openapi.yaml, or change tests/contract/src/provider-checks.ts`,
    );
  }
  return { status: documented.status, code };
}

/** How the answer differs from the documented status and DingTalk code, in words. */
function answerDifferences(
  exchange: Exchange,
  where: string,
  status: number,
  code: string,
): string[] {
  const response = exchange.response as NonNullable<Exchange["response"]>;
  const expected = `${status} ${code} in DingTalk's JSON envelope`;
  const contentType = response.headers.get("content-type") ?? "no content type";
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return [
      `${where} was answered ${response.status} with a body that is not JSON (${contentType}: ${JSON.stringify(response.body.slice(0, 80))}), where the spec documents ${expected}`,
    ];
  }
  const answeredCode = (body as { code?: unknown } | null)?.code;
  const differences: string[] = [];
  if (response.status !== status) {
    differences.push(
      `${where} was answered ${response.status}, where the spec documents ${status}: DingTalk refuses a token with 400 and code ${code}, never with 401 or 403`,
    );
  }
  if (answeredCode !== code) {
    differences.push(
      `${where} was answered with code ${JSON.stringify(answeredCode)}, where the spec documents ${code}`,
    );
  }
  return differences;
}

/** The client must throw the class the spec's x-client-error names for the code. */
function errorClassDifference(outcome: Outcome<unknown>, where: string, code: string): string[] {
  const expected = expectedErrorClass(code);
  if (!outcome.ok && outcome.error instanceof expected) return [];
  const got = outcome.ok ? "a success" : outcomeText(outcome);
  return [`${where} came out of the client as ${got}, where the spec promises ${expected.name}`];
}

const outcomeText = (outcome: Outcome<unknown>) =>
  outcome.ok
    ? "a success"
    : outcome.error instanceof Error
      ? `${outcome.error.name}: ${outcome.error.message}`
      : String(outcome.error);

const isDocumentedError = (error: unknown) => {
  if (!(error instanceof DingTalkApiError) || error.code === undefined) return false;
  try {
    return error instanceof expectedErrorClass(error.code);
  } catch (unknown) {
    // A code the spec never names is an undocumented answer, not a broken suite.
    if (unknown instanceof UnknownErrorClassError) return false;
    throw unknown;
  }
};

/** A fetch that sends each request without the security scheme's headers. */
function withoutCredentials(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  const credentialHeaders = securityHeadersOf(invite);
  return (input, init) => {
    const request = new Request(input, init);
    const headers = new Headers(request.headers);
    for (const header of credentialHeaders) headers.delete(header);
    return fetch(new Request(request, { headers }));
  };
}

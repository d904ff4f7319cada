import { createServer } from "node:http";
import { text } from "node:stream/consumers";
import { securityHeadersOf } from "@dingtalk-conference/spec/document";
import { allDocumentedResponses } from "../../src/documented-responses.js";
import { operationById } from "../../src/spec.js";
import type { ContractTarget } from "../../src/targets.js";
import { listenOnLoopback } from "./loopback-server.js";

/** An answer a provider gives: status, content type, body. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** What a provider answers to each kind of inviteUsers request it can tell apart. */
export interface ProviderScript {
  readonly noToken: ScriptedAnswer;
  readonly unknownToken: ScriptedAnswer;
  readonly validToken: ScriptedAnswer;
}

const invite = operationById("inviteUsers");
const [tokenHeader] = securityHeadersOf(invite);

/** The spec's own example of an inviteUsers answer, as a DingTalk that honours the spec sends it. */
export function documentedAnswer(status: number, exampleName: string): ScriptedAnswer {
  const documented = allDocumentedResponses.find(
    (response) =>
      response.operation.operationId === invite.operationId &&
      response.status === status &&
      response.exampleName === exampleName,
  );
  if (!documented) throw new Error(`the spec documents no inviteUsers ${status} ${exampleName}`);
  return {
    status,
    contentType: documented.contentType ?? "application/json",
    body: JSON.stringify(documented.example),
  };
}

/** A provider that answers as the spec documents. */
export const conformingScript: ProviderScript = {
  noToken: documentedAnswer(400, "AuthenticationFailed.MissingParameter"),
  unknownToken: documentedAnswer(400, "InvalidAuthentication"),
  validToken: documentedAnswer(200, "success"),
};

/** A request as the provider received it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, as the request line has it. */
  readonly url: string;
  readonly token: string | undefined;
  readonly body: string;
}

export interface ScriptedProvider {
  readonly url: string;
  readonly validToken: string;
  /** What it answers from now on. */
  script: ProviderScript;
  /** Every request it has received, in order. */
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server standing in for DingTalk, answering by the token each
 * request carries, and keeping what it received.
 */
export async function startScriptedProvider(): Promise<ScriptedProvider> {
  const validToken = "scripted-provider-token";
  const server = createServer(async (request, response) => {
    const body = await text(request);
    const token = tokenHeader === undefined ? undefined : request.headers[tokenHeader];
    const received = typeof token === "string" ? token : undefined;
    provider.received.push({
      method: request.method ?? "GET",
      url: request.url ?? "/",
      token: received,
      body,
    });
    const answer =
      received === undefined
        ? provider.script.noToken
        : received === validToken
          ? provider.script.validToken
          : provider.script.unknownToken;
    response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body);
  });
  const { url, close } = await listenOnLoopback(server);
  const provider: ScriptedProvider = {
    url,
    validToken,
    script: conformingScript,
    received: [],
    close,
  };
  return provider;
}

/**
 * The provider as a contract target, straight to it with no Prism between:
 * the checks validate each answer themselves.
 */
export function targetOf(
  provider: ScriptedProvider,
  pathParams?: Readonly<Record<string, string>>,
): ContractTarget {
  return {
    kind: "provider",
    name: "scripted provider",
    baseUrl: provider.url,
    origin: provider.url,
    accessToken: provider.validToken,
    ...(pathParams === undefined ? {} : { pathParams }),
  };
}

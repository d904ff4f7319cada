// Where Prism would answer differently from DingTalk, the mock rewrites the
// request so that Prism itself gives DingTalk's documented answer: Prism still
// validates what it receives and lists violations in `sl-violations`, and every
// answer (CORS headers included) still comes from Prism and the spec. Of an
// answer, only the request-id header is matched to the body it came with.
import type { IncomingHttpHeaders } from "node:http";
import { operationsOf, securityHeadersOf } from "@dingtalk-conference/spec/document";
import {
  type DocumentedResponse,
  documentedResponses,
  preferHeader,
} from "./documented-responses.js";

/** The spec's name for DingTalk's answer to a call without its access token; Prism would answer 401. */
export const missingTokenExample = "AuthenticationFailed.MissingParameter";
/** The spec's name for DingTalk's answer to a bad parameter, which a body that is not JSON is. */
export const unparsableBodyExample = "paramsError";
/** Satisfies Prism's check that the token header is present; it never leaves the mock. */
const standInToken = "mock-stand-in-token";

export interface ForwardedRequest {
  readonly method: string;
  /** Path and query, as the request line has it. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type RequestRewrite = (request: ForwardedRequest) => ForwardedRequest;

export interface ForwardedAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type AnswerRewrite = (answer: ForwardedAnswer) => ForwardedAnswer;

export interface Rewrites {
  /** Applied to each request before Prism sees it. */
  readonly request: RequestRewrite;
  /** Applied to each of Prism's answers before the caller sees it. */
  readonly answer: AnswerRewrite;
}

/** The header DingTalk names each call in; on an error, the same ID as the body's `requestid` (the spec's RequestId header). */
const requestIdHeader = "x-acs-request-id";

interface Route {
  readonly method: string;
  readonly path: RegExp;
  readonly tokenHeaders: readonly string[];
  /** The operation's 400 answers, by example name. */
  readonly badRequest: ReadonlyMap<string | undefined, DocumentedResponse>;
}

function routesOf(spec: unknown): Route[] {
  const responses = documentedResponses(spec);
  return operationsOf(spec).map((operation) => {
    const literals = operation.pathTemplate.split(/\{[^}]+\}/).map(escapeRegExp);
    const badRequest = responses.filter(
      (response) =>
        response.operation.operationId === operation.operationId && response.status === 400,
    );
    return {
      method: operation.method.toUpperCase(),
      path: new RegExp(`^${literals.join("[^/]+")}$`),
      tokenHeaders: securityHeadersOf(operation).map((name) => name.toLowerCase()),
      badRequest: new Map(badRequest.map((response) => [response.exampleName, response])),
    };
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** As Prism's server decides which bodies to parse as JSON. */
const isJsonMediaType = (contentType = "") =>
  /^application\/(?:[^\s;/]+\+)?json\s*(?:;|$)/i.test(contentType.trim());

/** The body as JSON, or undefined when it does not parse. */
function jsonOf(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The rewrites DingTalk's behaviour needs, read from the spec:
 * - a JSON body that does not parse would get no answer at all: when its
 *   parse fails, Prism's server waits for the request to end before answering
 *   (a drain added in stoplightio/prism#2795), but the parser has already read
 *   it to the end, so the wait never does. Upstream's open issue on such
 *   bodies, answered with micri's error rather than the spec's before that
 *   change, is stoplightio/prism#2664. Prism gets the text as a JSON string
 *   instead, which it refuses as it refuses any wrong body, and is asked for
 *   the operation's `paramsError` answer where the spec documents one;
 * - in a mock (not a proxy), a call without its token header is answered as
 *   DingTalk does, with the operation's `AuthenticationFailed.MissingParameter`
 *   example (DingTalk checks the token before the body). A call with a token
 *   keeps its own `Prefer`, so `example=InvalidAuthentication` still works;
 * - in a mock, a JSON error answer's `x-acs-request-id` header is its body's
 *   `requestid`, one ID as DingTalk sends it.
 */
export function dingTalkRewrites(spec: unknown, options: { mock: boolean }): Rewrites {
  return {
    request: requestRewrite(routesOf(spec), options),
    // A provider's answers pass as they are: a mismatch there is the provider's, to be seen.
    answer: options.mock ? requestIdOfBody : (answer) => answer,
  };
}

function requestRewrite(routes: readonly Route[], options: { mock: boolean }): RequestRewrite {
  return (request) => {
    const [pathname = "/"] = request.url.split("?", 1);
    const route = routes.find(
      (candidate) => candidate.method === request.method && candidate.path.test(pathname),
    );
    const headers = { ...request.headers };
    let body = request.body;
    let answer: DocumentedResponse | undefined;
    if (body.length > 0 && isJsonMediaType(headers["content-type"]) && jsonOf(body) === undefined) {
      body = Buffer.from(JSON.stringify(body.toString("utf8")));
      headers["content-type"] = "application/json";
      answer = route?.badRequest.get(unparsableBodyExample);
    }
    const missingToken = route?.badRequest.get(missingTokenExample);
    if (options.mock && route && missingToken) {
      const missing = route.tokenHeaders.filter((name) => !headers[name]);
      for (const name of missing) headers[name] = standInToken;
      if (missing.length > 0) answer = missingToken;
    }
    if (answer) headers.prefer = preferHeader(answer);
    return { ...request, headers, body };
  };
}

/**
 * Prism fills the request-id header from the spec's one header example and the
 * body from the chosen response example, so the two IDs differ; DingTalk sends
 * one ID in both. A JSON error answer gets its body's `requestid` in the header.
 */
function requestIdOfBody(answer: ForwardedAnswer): ForwardedAnswer {
  if (answer.status < 400 || !isJsonMediaType(answer.headers["content-type"])) return answer;
  const requestId = (jsonOf(answer.body) as { requestid?: unknown } | null | undefined)?.requestid;
  if (typeof requestId !== "string") return answer;
  return { ...answer, headers: { ...answer.headers, [requestIdHeader]: requestId } };
}

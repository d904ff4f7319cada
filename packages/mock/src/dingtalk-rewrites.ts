// Where Prism would answer differently from DingTalk, the mock rewrites the
// request so that Prism itself gives DingTalk's documented answer: Prism still
// validates what it receives and lists violations in `sl-violations`, and every
// answer (CORS headers included) still comes from Prism and the spec.
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

function parsesAsJson(body: Buffer): boolean {
  try {
    JSON.parse(body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}

/**
 * The rewrites DingTalk's behaviour needs, read from the spec:
 * - a JSON body that does not parse would get no answer at all (Prism's body
 *   parser fails and the request is dropped): Prism gets its text as a JSON
 *   string instead, which it refuses as it refuses any wrong body, and is asked
 *   for the operation's `paramsError` answer where the spec documents one;
 * - in a mock (not a proxy), a call without its token header is answered as
 *   DingTalk does, with the operation's `AuthenticationFailed.MissingParameter`
 *   example (DingTalk checks the token before the body). A call with a token
 *   keeps its own `Prefer`, so `example=InvalidAuthentication` still works.
 */
export function dingTalkRewrites(spec: unknown, options: { mock: boolean }): RequestRewrite {
  const routes = routesOf(spec);
  return (request) => {
    const [pathname = "/"] = request.url.split("?", 1);
    const route = routes.find(
      (candidate) => candidate.method === request.method && candidate.path.test(pathname),
    );
    const headers = { ...request.headers };
    let body = request.body;
    let answer: DocumentedResponse | undefined;
    if (body.length > 0 && isJsonMediaType(headers["content-type"]) && !parsesAsJson(body)) {
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

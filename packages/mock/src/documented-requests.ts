// The request that gets one documented response from the mock: the spec's own
// path, query, header and request body examples, a token, and the Prefer
// header. `pnpm mock` prints each as a curl line; a page can show or send the same.
import {
  examplePathParams,
  expandPath,
  parameterExamples,
  requestExamplesOf,
  securityHeadersOf,
} from "@dingtalk-conference/spec/document";
import { createQuerySerializer } from "openapi-fetch";
import { type DocumentedResponse, preferHeader } from "./documented-responses.js";

export interface DocumentedRequest {
  /** Upper case: "POST". */
  readonly method: string;
  /**
   * The path with the spec's example path parameters and, after a `?`, its
   * query parameters' examples: to append to the mock's URL.
   */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The operation's first request example, absent when it takes no body. */
  readonly body?: unknown;
}

/** The mock checks that the token header is present, not what it holds. */
export const exampleAccessToken = "mock-access-token";

/** Query parameters as the client (openapi-fetch, with its defaults) writes them. */
const queryString = createQuerySerializer();

/** The request the mock answers with exactly this documented response. */
export function requestFor(response: DocumentedResponse): DocumentedRequest {
  const { operation } = response;
  const body = operation.requestBody ? requestExamplesOf(operation)[0]?.value : undefined;
  const headers: Record<string, string> = { Prefer: preferHeader(response) };
  if (body !== undefined) headers["content-type"] = "application/json";
  for (const [name, value] of Object.entries(parameterExamples(operation, "header"))) {
    headers[name] = String(value);
  }
  for (const name of securityHeadersOf(operation)) headers[name] = exampleAccessToken;
  const query = queryString(parameterExamples(operation, "query"));
  return {
    method: operation.method.toUpperCase(),
    path: expandPath(operation.pathTemplate, examplePathParams(operation)) + (query && `?${query}`),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A curl command line sending this request to the mock at baseUrl, ready to paste into a shell. */
export function curlCommand(request: DocumentedRequest, baseUrl: string): string {
  return [
    "curl -sS -X",
    request.method,
    shellQuote(baseUrl + request.path),
    ...Object.entries(request.headers).map(
      ([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`,
    ),
    ...(request.body === undefined ? [] : ["--data", shellQuote(JSON.stringify(request.body))]),
  ].join(" ");
}

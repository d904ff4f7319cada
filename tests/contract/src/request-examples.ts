import {
  examplePathParams,
  requestExamplesOf as namedRequestExamples,
  type Operation,
  parameterExamples,
  SpecDocumentError,
} from "@dingtalk-conference/spec/document";

/** A request the spec documents: its parameters' examples and, when it has a body, one named body example. */
export interface RequestExample {
  readonly name: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, unknown>>;
  /** Header parameters as the spec writes their examples; openapi-fetch sends each as text. */
  readonly headers?: Readonly<Record<string, unknown>>;
  /** Absent for an operation without a request body (a GET, a DELETE). */
  readonly body?: unknown;
}

/** The suite cannot build a documented request; the message says which file to change. */
export class UnsendableRequestError extends Error {
  override readonly name = "UnsendableRequestError";
}

/**
 * Every documented request of an operation: each named JSON body example with
 * the parameters' examples, or, for an operation without a body, the
 * parameters' examples alone (named "no body").
 */
export function requestExamplesOf(operation: Operation): RequestExample[] {
  const cookie = operation.parameters.find((parameter) => parameter.in === "cookie");
  if (cookie) {
    throw new UnsendableRequestError(
      `${operation.operationId}: cookie parameter "${cookie.name}" cannot be sent by the contract suite; teach tests/contract/src/request-examples.ts`,
    );
  }
  const parameters = {
    pathParams: examplePathParams(operation),
    query: parameterExamples(operation, "query"),
    headers: parameterExamples(operation, "header"),
  };
  if (operation.requestBody === undefined) return [{ name: "no body", ...parameters }];
  return namedRequestExamples(operation).map(({ name, value }) => ({
    name,
    ...parameters,
    body: value,
  }));
}

/** The JSON request-body schema of an operation. */
export function requestSchemaOf(operation: Operation) {
  const schema = operation.requestBody?.content["application/json"]?.schema;
  if (!schema) {
    throw new SpecDocumentError(
      `${operation.operationId}: no application/json request schema; give its requestBody one in spec/openapi.yaml`,
    );
  }
  return schema;
}

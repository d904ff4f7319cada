import {
  examplePathParams,
  requestExamplesOf as namedRequestExamples,
  type Operation,
  type Parameter,
} from "@dingtalk-conference/spec/document";

/** A request the spec documents: its parameters' examples and, when it has a body, one named body example. */
export interface RequestExample {
  readonly name: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly headers?: Readonly<Record<string, string>>;
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
    headers: Object.fromEntries(
      Object.entries(parameterExamples(operation, "header")).map(([name, value]) => [
        name,
        String(value),
      ]),
    ),
  };
  if (operation.requestBody === undefined) return [{ name: "no body", ...parameters }];
  return namedRequestExamples(operation).map(({ name, value }) => ({
    name,
    ...parameters,
    body: value,
  }));
}

/**
 * `{ name: example }` of an operation's query or header parameters: the
 * parameter's `example`, else its schema's first `examples` entry. An optional
 * parameter without one is left out; a required one stops the suite.
 */
function parameterExamples(
  operation: Operation,
  location: "query" | "header",
): Record<string, unknown> {
  const examples = operation.parameters
    .filter((parameter) => parameter.in === location)
    .flatMap((parameter) => {
      const example = exampleOf(parameter);
      if (example !== undefined) return [[parameter.name, example] as const];
      if (!parameter.required) return [];
      throw new UnsendableRequestError(
        `${operation.operationId}: required ${location} parameter "${parameter.name}" has no example to send; add one in spec/openapi.yaml`,
      );
    });
  return Object.fromEntries(examples);
}

const exampleOf = (parameter: Parameter): unknown =>
  parameter.example ?? (parameter.schema?.examples as unknown[] | undefined)?.[0];

/** The JSON request-body schema of an operation. */
export function requestSchemaOf(operation: Operation) {
  const schema = operation.requestBody?.content["application/json"]?.schema;
  if (!schema) throw new Error(`${operation.operationId}: no application/json request schema`);
  return schema;
}

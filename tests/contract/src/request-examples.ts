import {
  examplePathParams,
  requestExamplesOf as namedRequestExamples,
  type Operation,
} from "@dingtalk-conference/spec/document";

/** A request the spec documents: its path parameters and one named body example. */
export interface RequestExample {
  readonly name: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Every named JSON request example of an operation, with the path parameters' examples. */
export function requestExamplesOf(operation: Operation): RequestExample[] {
  const pathParams = examplePathParams(operation);
  return namedRequestExamples(operation).map(({ name, value }) => ({
    name,
    pathParams,
    body: value,
  }));
}

/** The JSON request-body schema of an operation. */
export function requestSchemaOf(operation: Operation) {
  const schema = operation.requestBody?.content["application/json"]?.schema;
  if (!schema) throw new Error(`${operation.operationId}: no application/json request schema`);
  return schema;
}

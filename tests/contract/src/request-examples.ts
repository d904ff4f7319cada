import type { Operation } from "./spec.js";

/** A request the spec documents: its path parameters and one named body example. */
export interface RequestExample {
  readonly name: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The example value of each path parameter, as the spec gives it. */
export function examplePathParams(operation: Operation): Record<string, string> {
  return Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === "path")
      .map((parameter) => {
        const example =
          parameter.example ?? (parameter.schema?.examples as unknown[] | undefined)?.[0];
        if (typeof example !== "string") {
          throw new Error(
            `${operation.operationId}: path parameter ${parameter.name} has no string example`,
          );
        }
        return [parameter.name, example];
      }),
  );
}

/** Every named JSON request example of an operation; at least one, or the spec is incomplete. */
export function requestExamplesOf(operation: Operation): RequestExample[] {
  const examples = Object.entries(
    operation.requestBody?.content["application/json"]?.examples ?? {},
  );
  if (examples.length === 0) {
    throw new Error(`${operation.operationId}: the spec names no application/json request example`);
  }
  const pathParams = examplePathParams(operation);
  return examples.map(([name, { value }]) => ({ name, pathParams, body: value }));
}

/** The JSON request-body schema of an operation. */
export function requestSchemaOf(operation: Operation) {
  const schema = operation.requestBody?.content["application/json"]?.schema;
  if (!schema) throw new Error(`${operation.operationId}: no application/json request schema`);
  return schema;
}

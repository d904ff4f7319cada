import type { Schema } from "@dingtalk-conference/spec/document";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";

// OpenAPI schemas carry vendor extensions (x-source, …) that JSON Schema does
// not know; they annotate, never constrain, so ajv may ignore them.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const compiled = new WeakMap<Schema, ValidateFunction>();

/** What is wrong with `value` according to `schema`, one line per problem; empty when it conforms. */
export function schemaErrors(schema: Schema, value: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || "/"} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}

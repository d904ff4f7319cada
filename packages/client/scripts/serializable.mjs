// What the client's serializers can send (src/transport.ts), checked by
// `pnpm generate` against the spec. A module of its own so a test can hand it
// a spec broken on purpose.
import { operationsOf } from "@dingtalk-conference/spec/document";

/**
 * The client gives openapi-fetch serializers for path parameters and JSON
 * bodies only (src/transport.ts): it skips building the query and form ones
 * on every call. A spec with a query or cookie parameter, or another body
 * type, stops `pnpm generate`, so nothing the types admit would be dropped.
 */
export function assertSerializable(spec) {
  for (const { method, pathTemplate, parameters, requestBody } of operationsOf(spec)) {
    const where = `${method.toUpperCase()} ${pathTemplate}`;
    const unserialized = [
      ...parameters
        .filter((parameter) => parameter.in === "query" || parameter.in === "cookie")
        .map((parameter) => `${parameter.in} parameter \`${parameter.name}\``),
      ...Object.keys(requestBody?.content ?? {})
        .filter((type) => type !== "application/json")
        .map((type) => `a request body of type ${type}`),
    ];
    if (unserialized.length > 0) {
      throw new Error(
        `${where}: ${unserialized.join(", ")} has no serializer in src/transport.ts; add one there and in generate.mjs`,
      );
    }
  }
}

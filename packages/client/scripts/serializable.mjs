// What the client can send, checked by `pnpm generate` against the spec. A
// module of its own so a test can hand it a spec broken on purpose.
import { operationsOf } from "@dingtalk-conference/spec/document";

/**
 * The client sends through openapi-fetch's own serializers: path, query and
 * header parameters of any schema, and JSON bodies. Two things the generated
 * types would still admit are dropped or mangled on the wire: a cookie
 * parameter (openapi-fetch sends none) and a body of another media type (its
 * default serializer writes JSON). A spec with either stops `pnpm generate`.
 */
export function assertSerializable(spec) {
  for (const { method, pathTemplate, parameters, requestBody } of operationsOf(spec)) {
    const where = `${method.toUpperCase()} ${pathTemplate}`;
    const unsent = [
      ...parameters
        .filter((parameter) => parameter.in === "cookie")
        .map((parameter) => `cookie parameter \`${parameter.name}\``),
      ...Object.keys(requestBody?.content ?? {})
        .filter((type) => type !== "application/json")
        .map((type) => `a request body of type ${type}`),
    ];
    if (unsent.length > 0) {
      throw new Error(
        `${where}: ${unsent.join(", ")} cannot be sent by openapi-fetch as the client uses it; ` +
          "change it in spec/openapi.yaml, or give packages/client/src/transport.ts a serializer for it " +
          "and allow it in packages/client/scripts/serializable.mjs",
      );
    }
  }
}

// The request schemas the client checks calls against (src/generated/schemas.ts),
// cut from the spec for src/validation.ts, which checks a part of JSON Schema
// only. A module of its own so a test can hand it a schema broken on purpose.
import { dereference, isAnnotation, resolvePointer } from "@dingtalk-conference/spec/document";

/** The schemas the client checks requests against, by export name → JSON pointer into the spec. */
const requestSchemas = {
  inviteUsersRequestSchema: "/components/schemas/InviteUsersRequest",
  conferenceIdSchema: "/components/parameters/ConferenceId/schema",
};

/**
 * The part of JSON Schema that src/validation.ts checks. A schema using any
 * other keyword, type or form stops `pnpm generate`: shipping it unchecked
 * would let such input through.
 */
const checkedSchemaType = `/** The part of JSON Schema the client checks (src/validation.ts); \`pnpm generate\` refuses a spec that needs more. */
export interface RequestSchema {
  type?: "object" | "array" | "string" | "boolean";
  properties?: { [name: string]: RequestSchema };
  required?: string[];
  additionalProperties?: false;
  items?: RequestSchema;
  minLength?: number;
  not?: RequestSchema;
  enum?: unknown[];
}
`;
const CHECKED_KEYWORDS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "minLength",
  "not",
  "enum",
]);
const CHECKED_TYPES = new Set(["object", "array", "string", "boolean"]);

/**
 * `schema` (from the dereferenced spec: `$ref`s already inlined by the spec's
 * one reader) as the client checks it, annotations dropped. Throws, naming
 * the place, on anything src/validation.ts would not check.
 */
export function checkedSchema(schema, where) {
  const checked = {};
  for (const [key, value] of Object.entries(schema)) {
    if (isAnnotation(key)) continue;
    const unsupported =
      !CHECKED_KEYWORDS.has(key) ||
      (key === "type" && !CHECKED_TYPES.has(value)) ||
      (key === "additionalProperties" && value !== false) ||
      (key === "enum" && value.some((option) => option !== null && typeof option === "object"));
    if (unsupported) {
      throw new Error(
        `${where}: \`${key}: ${JSON.stringify(value)}\` is not checked by the client; teach packages/client/src/validation.ts to check it and allow it in packages/client/scripts/request-schemas.mjs, or leave it out of spec/openapi.yaml`,
      );
    }
    const at = `${where}/${key}`;
    if (key === "properties") {
      checked.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [
          name,
          checkedSchema(property, `${at}/${name}`),
        ]),
      );
    } else if (key === "items" || key === "not") {
      checked[key] = checkedSchema(value, at);
    } else {
      checked[key] = value;
    }
  }
  return checked;
}

export function requestSchemasSource(spec) {
  const resolved = dereference(spec);
  const declarations = Object.entries(requestSchemas).map(
    ([name, pointer]) =>
      `/** The spec's \`${pointer}\`, \`$ref\`s inlined, annotations left out. */\n` +
      `export const ${name}: RequestSchema = ${JSON.stringify(checkedSchema(resolvePointer(resolved, `#${pointer}`), pointer), null, 2)};\n`,
  );
  return `${checkedSchemaType}\n${declarations.join("\n")}`;
}

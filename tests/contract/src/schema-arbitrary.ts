import type { Schema } from "@dingtalk-conference/spec/document";
import fc from "fast-check";

/** Keywords that describe a schema without constraining values: safe to ignore when generating. */
const annotations = new Set([
  "description",
  "title",
  "examples",
  "example",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
  "$comment",
]);

/** Keywords this generator honours, per type. Anything else is refused, not guessed at. */
const understood: Record<string, readonly string[]> = {
  object: ["type", "properties", "required", "additionalProperties"],
  array: ["type", "items", "minItems", "maxItems"],
  string: ["type", "minLength", "maxLength", "enum"],
  integer: ["type", "minimum", "maximum", "enum"],
  number: ["type", "minimum", "maximum", "enum"],
  boolean: ["type"],
  null: ["type"],
};

/** Arrays stay short: requests are about shape, and Prism answers each one. */
const maxGeneratedItems = 4;

/**
 * Values that `schema` accepts, covering its whole shape: optional properties
 * present and absent, empty and full arrays, any Unicode text. Derived from
 * the spec, so a field added there is generated here. Throws on a keyword it
 * does not honour, so a richer spec fails loudly instead of being half-tested.
 */
export function arbitraryOf(schema: Schema, at = "#"): fc.Arbitrary<unknown> {
  const type = schema.type;
  if (typeof type !== "string" || !(type in understood)) {
    throw new UnsupportedSchemaError(at, `type ${JSON.stringify(type)}`);
  }
  for (const keyword of Object.keys(schema)) {
    if (
      !annotations.has(keyword) &&
      !keyword.startsWith("x-") &&
      !understood[type]?.includes(keyword)
    ) {
      throw new UnsupportedSchemaError(at, `keyword "${keyword}" on a ${type}`);
    }
  }
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (type) {
    case "object":
      return objectOf(schema, at);
    case "array": {
      const minLength = (schema.minItems as number | undefined) ?? 0;
      return fc.array(arbitraryOf(schema.items as Schema, `${at}/items`), {
        minLength,
        maxLength: (schema.maxItems as number | undefined) ?? minLength + maxGeneratedItems,
      });
    }
    case "string":
      return fc.string({
        unit: fc.oneof(
          fc.constantFrom(...printableTricky),
          fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
        ),
        minLength: schema.minLength as number | undefined,
        maxLength: schema.maxLength as number | undefined,
      });
    case "integer":
      return fc.integer({
        min: schema.minimum as number | undefined,
        max: schema.maximum as number | undefined,
      });
    case "number":
      return fc.double({
        min: schema.minimum as number | undefined,
        max: schema.maximum as number | undefined,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case "boolean":
      return fc.boolean();
    default:
      return fc.constant(null);
  }
}

/** Characters that break naive escaping in JSON, URLs and headers. */
const printableTricky = ['"', "\\", "/", "%", "\n", "\u0000", "é", "😀", " ", "<"];

function objectOf(schema: Schema, at: string): fc.Arbitrary<unknown> {
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) {
    throw new UnsupportedSchemaError(at, "additionalProperties other than false");
  }
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const shape = Object.fromEntries(
    Object.entries(properties).map(([name, property]) => [
      name,
      arbitraryOf(property, `${at}/properties/${name}`),
    ]),
  );
  return fc.record(shape, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
}

export class UnsupportedSchemaError extends Error {
  override readonly name = "UnsupportedSchemaError";
  constructor(at: string, what: string) {
    super(
      `cannot generate values for the schema at ${at}: ${what} is not supported; extend schema-arbitrary.ts`,
    );
  }
}

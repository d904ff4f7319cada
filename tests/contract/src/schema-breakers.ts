import type { Schema } from "@dingtalk-conference/spec/document";
import fc from "fast-check";
import { arbitraryOf } from "./schema-arbitrary.js";

export const breakageKinds = [
  "missing required property",
  "wrong type",
  "wrong container",
  "extra property",
] as const;
export type BreakageKind = (typeof breakageKinds)[number];

/** A value the schema refuses, and what was broken where. */
export interface BrokenValue {
  readonly value: unknown;
  readonly kind: BreakageKind;
  /** JSON pointer of the broken node, e.g. `/inviteeList/0`. */
  readonly pointer: string;
  readonly description: string;
}

type JsonType = "string" | "integer" | "number" | "boolean" | "null" | "array" | "object";
const containers: readonly JsonType[] = ["array", "object"];

/** One value of each JSON type, to put where the schema wants another. */
const strangers = fc.record({
  string: fc.string({ maxLength: 8 }),
  integer: fc.integer(),
  number: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
}) as fc.Arbitrary<Record<JsonType, unknown>>;

interface Candidate {
  readonly kind: BreakageKind;
  readonly pointer: string;
  readonly description: string;
  readonly apply: (node: unknown) => unknown;
}

/**
 * Values that break `schema` in one place each — a required property removed,
 * a value of the wrong type, an array where an object belongs (or the
 * reverse), a property the schema does not allow — spread over the kinds so
 * every kind is tried often, at any depth of a valid value.
 */
export function brokenArbitraryOf(schema: Schema): fc.Arbitrary<BrokenValue> {
  return fc
    .record({
      valid: arbitraryOf(schema),
      pick: fc.nat(),
      kindPick: fc.nat(),
      stranger: strangers,
      extraName: fc.string({ minLength: 1, maxLength: 10 }),
      extraValue: fc.jsonValue({ maxDepth: 2 }),
    })
    .map(({ valid, pick, kindPick, stranger, extraName, extraValue }) => {
      const candidates = candidatesIn(valid, schema, "", stranger, extraName, extraValue);
      const kinds = breakageKinds.filter((kind) => candidates.some((c) => c.kind === kind));
      const kind = kinds[kindPick % kinds.length];
      const ofKind = candidates.filter((c) => c.kind === kind);
      const chosen = ofKind[pick % ofKind.length] as Candidate;
      return {
        value: replaceAt(valid, chosen.pointer, chosen.apply),
        kind: chosen.kind,
        pointer: chosen.pointer,
        description: chosen.description,
      };
    });
}

function candidatesIn(
  node: unknown,
  schema: Schema,
  pointer: string,
  stranger: Record<JsonType, unknown>,
  extraName: string,
  extraValue: unknown,
): Candidate[] {
  const type = schema.type as JsonType;
  const where = pointer || "/";
  const candidates: Candidate[] = (Object.keys(stranger) as JsonType[])
    .filter((other) => other !== type && !(type === "number" && other === "integer"))
    .map((other) => ({
      kind:
        containers.includes(type) || containers.includes(other) ? "wrong container" : "wrong type",
      pointer,
      description: `${other} instead of ${type} at ${where}`,
      apply: () => stranger[other],
    }));

  if (type === "array" && Array.isArray(node)) {
    node.forEach((item, index) => {
      candidates.push(
        ...candidatesIn(
          item,
          schema.items as Schema,
          `${pointer}/${index}`,
          stranger,
          extraName,
          extraValue,
        ),
      );
    });
  }
  if (type === "object" && node !== null && typeof node === "object") {
    const record = node as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required as string[] | undefined) ?? []) {
      candidates.push({
        kind: "missing required property",
        pointer,
        description: `"${name}" removed from ${where}`,
        apply: (object) =>
          Object.fromEntries(Object.entries(object as object).filter(([key]) => key !== name)),
      });
    }
    if (schema.additionalProperties === false) {
      const extra = extraName in properties ? `${extraName}_extra` : extraName;
      candidates.push({
        kind: "extra property",
        pointer,
        description: `undeclared property ${JSON.stringify(extra)} added to ${where}`,
        apply: (object) =>
          Object.fromEntries([...Object.entries(object as object), [extra, extraValue]]),
      });
    }
    for (const [name, value] of Object.entries(record)) {
      const property = properties[name];
      if (property) {
        candidates.push(
          ...candidatesIn(
            value,
            property,
            `${pointer}/${escapeToken(name)}`,
            stranger,
            extraName,
            extraValue,
          ),
        );
      }
    }
  }
  return candidates;
}

function escapeToken(name: string): string {
  return name.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** A copy of `root` with the node at `pointer` replaced by `apply(node)`. */
function replaceAt(root: unknown, pointer: string, apply: (node: unknown) => unknown): unknown {
  if (pointer === "") return apply(root);
  const [head = "", ...rest] = pointer.slice(1).split("/");
  const key = head.replaceAll("~1", "/").replaceAll("~0", "~");
  const child = replaceAt(
    (root as Record<string, unknown>)[key],
    rest.length ? `/${rest.join("/")}` : "",
    apply,
  );
  if (Array.isArray(root)) return root.map((item, index) => (String(index) === key ? child : item));
  return Object.fromEntries(
    Object.entries(root as object).map(([name, value]) => [name, name === key ? child : value]),
  );
}

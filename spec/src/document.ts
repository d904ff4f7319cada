// Reading spec/openapi.yaml: the one implementation every package uses, so
// `$ref` resolution and example extraction cannot drift between them.
// Imported as "@dingtalk-conference/spec/document" (built to dist/document.js).
//
//   specPath                         absolute path of spec/openapi.yaml
//   loadSpec(path?)                  the parsed YAML document, as written
//   resolvePointer(document, ref)    the node a local "#/…" $ref names (percent-decoding, ~0/~1)
//   isAnnotation(keyword)            whether a keyword only describes (description, examples, x-…)
//   dereference(document)            a copy with every local $ref inlined (annotations beside a
//                                    $ref win; a recursive $ref, or a keyword on both sides, throws)
//   operationsOf(document)           every operation, dereferenced, path-level parameters merged,
//                                    and whether x-contract-safe marks it safe to send a provider
//   requestExamplesOf(operation)     its named application/json request examples
//   examplePathParams(operation)     { name: example } of its path parameters
//   parameterExamples(operation, in) { name: example } of its query or header parameters (a
//                                    parameter's own example, else its schema's first)
//   expandPath(template, params)     a concrete path, each parameter percent-encoded
//   securityHeadersOf(operation)     the apiKey header names its security requirements need
//   responsesOf(operation)           every status × content type × named example it documents,
//                                    with the client error class its x-client-error names
//
// Every failure is a SpecDocumentError naming where in the spec it is.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** The spec lacks, or misstates, something a consumer needs; the message says where. */
export class SpecDocumentError extends Error {
  override readonly name = "SpecDocumentError";
}

/** A JSON Schema as the spec writes it (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
export type Schema = { readonly [keyword: string]: unknown };

export interface Example {
  readonly summary?: string;
  readonly value?: unknown;
  /** On an error example: the class @dingtalk-conference/client throws for that answer. */
  readonly "x-client-error"?: unknown;
}

export interface MediaType {
  readonly schema?: Schema;
  readonly example?: unknown;
  readonly examples?: Readonly<Record<string, Example>>;
}

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly example?: unknown;
}

export interface Response {
  readonly description?: string;
  readonly content?: Readonly<Record<string, MediaType>>;
}

export interface SecurityScheme {
  readonly type: string;
  readonly in?: string;
  readonly name?: string;
}

export interface Operation {
  readonly operationId: string;
  /** Lower case, as the spec's path item keys it: "post". */
  readonly method: string;
  readonly pathTemplate: string;
  /** Path-level and operation-level parameters; the operation's win on name and place. */
  readonly parameters: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, MediaType>> };
  readonly responses: Readonly<Record<string, Response>>;
  /** The operation's security requirements (or the document's), each scheme resolved. */
  readonly security: readonly (readonly SecurityScheme[])[];
  /**
   * The spec marks it `x-contract-safe: true`: sending its examples to a real
   * provider changes nothing and reaches no one, so a contract run may do it.
   */
  readonly contractSafe: boolean;
}

/** A named request example: what to send. */
export interface RequestExample {
  readonly name: string;
  readonly summary?: string;
  readonly value: unknown;
}

/** Absolute path of the spec this package holds (src/ and dist/ both sit beside it). */
export const specPath: string = fileURLToPath(new URL("../openapi.yaml", import.meta.url));

/** The parsed document, exactly as written: $refs and all. */
export function loadSpec(path: string = specPath): unknown {
  return parse(readFileSync(path, "utf8"));
}

/**
 * The node a local `$ref` names. The fragment is a URI fragment holding a JSON
 * pointer: percent-decoded first (`%7B` in a path key), then `~1` → `/` and
 * `~0` → `~`, in that order (RFC 6901).
 */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (ref !== "#" && !ref.startsWith("#/")) {
    throw new SpecDocumentError(`only local $refs ("#/…") are supported, got "${ref}"`);
  }
  const tokens = ref === "#" ? [] : ref.slice(2).split("/");
  return tokens.reduce<unknown>((node, raw) => {
    let token: string;
    try {
      token = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    } catch {
      throw new SpecDocumentError(`$ref "${ref}" has a malformed percent-escape in "${raw}"`);
    }
    const next =
      node !== null && typeof node === "object"
        ? (node as Record<string, unknown>)[token]
        : undefined;
    if (next === undefined) throw new SpecDocumentError(`$ref "${ref}" points nowhere`);
    return next;
  }, document);
}

/** Keywords that only describe a value (and extensions): what a $ref's sibling may override, and what a validator may ignore. */
const annotations = new Set([
  "summary",
  "description",
  "title",
  "examples",
  "example",
  "deprecated",
  "$comment",
]);
export const isAnnotation = (key: string) => annotations.has(key) || key.startsWith("x-");

/**
 * A copy of the document with every local `$ref` replaced by what it points
 * to, so responses, parameters and schemas read (and compile) without a
 * resolver. A recursive `$ref` throws rather than looping. Hand-written because
 * @redocly/openapi-core's dereferencing bundler is asynchronous and config-driven,
 * and every reader here is synchronous and needs local `$ref`s only.
 */
export function dereference(document: unknown): unknown {
  const walk = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, trail));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    if (typeof $ref === "string") {
      if (trail.includes($ref)) {
        throw new SpecDocumentError(`recursive $ref ${[...trail, $ref].join(" → ")}`);
      }
      const target = walk(resolvePointer(document, $ref), [...trail, $ref]) as object;
      // OpenAPI 3.1 lets a $ref carry siblings: annotations (summary,
      // description) win; a schema keyword both sides hold would have to hold
      // twice, which one inlined copy cannot say.
      const clash = Object.keys(rest).find((key) => key in target && !isAnnotation(key));
      if (clash !== undefined) {
        throw new SpecDocumentError(
          `$ref "${$ref}" has a sibling \`${clash}\` that its target has too; combine the two with allOf`,
        );
      }
      return { ...target, ...(walk(rest, trail) as object) };
    }
    return Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, walk(value, trail)]),
    );
  };
  return walk(document, []);
}

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface RawDocument {
  paths?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, SecurityScheme> };
}

/** Every operation of an OpenAPI document, dereferenced, in document order. */
export function operationsOf(document: unknown): Operation[] {
  const doc = dereference(document) as RawDocument;
  const schemes = doc.components?.securitySchemes ?? {};
  return Object.entries(doc.paths ?? {}).flatMap(([pathTemplate, item]) => {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    return httpMethods
      .filter((method) => item[method] !== undefined)
      .map((method) => {
        const raw = item[method] as Record<string, unknown>;
        const where = `${method.toUpperCase()} ${pathTemplate}`;
        if (typeof raw.operationId !== "string") {
          throw new SpecDocumentError(`${where} has no operationId`);
        }
        const own = (raw.parameters as Parameter[] | undefined) ?? [];
        const requirements = (raw.security as RawDocument["security"]) ?? doc.security ?? [];
        const contractSafe = raw["x-contract-safe"] ?? false;
        if (typeof contractSafe !== "boolean") {
          throw new SpecDocumentError(
            `${where}: x-contract-safe must be true or false, got ${JSON.stringify(contractSafe)}`,
          );
        }
        return {
          operationId: raw.operationId,
          method,
          pathTemplate,
          parameters: [
            ...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)),
            ...own,
          ],
          requestBody: raw.requestBody as Operation["requestBody"],
          responses: (raw.responses ?? {}) as Operation["responses"],
          security: requirements.map((requirement) =>
            Object.keys(requirement).map((name) => {
              const scheme = schemes[name];
              if (!scheme) {
                throw new SpecDocumentError(
                  `${where}: security scheme "${name}" is not under components.securitySchemes`,
                );
              }
              return scheme;
            }),
          ),
          contractSafe,
        };
      });
  });
}

/**
 * The header names an API key travels in for this operation, as the spec
 * spells them. Taken from its first security requirement: the alternatives
 * after it are other ways in, not extra headers.
 */
export function securityHeadersOf(operation: Operation): string[] {
  return (operation.security[0] ?? [])
    .filter((scheme) => scheme.type === "apiKey" && scheme.in === "header")
    .map((scheme) => scheme.name ?? "");
}

/**
 * Every named application/json request example of an operation (a lone
 * `example` counts, named "example"); at least one, or the spec is incomplete.
 */
export function requestExamplesOf(operation: Operation): RequestExample[] {
  const media = operation.requestBody?.content["application/json"];
  const named = Object.entries(media?.examples ?? {}).map(([name, example]) => ({
    name,
    ...(example.summary === undefined ? {} : { summary: example.summary }),
    value: example.value,
  }));
  const examples =
    named.length === 0 && media !== undefined && "example" in media
      ? [{ name: "example", value: media.example }]
      : named;
  if (examples.length === 0) {
    throw new SpecDocumentError(
      `${operation.operationId}: the spec names no application/json request example`,
    );
  }
  return examples;
}

/** A parameter's example value: its own `example`, else its schema's first `examples` entry. */
function exampleOf(parameter: Parameter): unknown {
  return parameter.example ?? (parameter.schema?.examples as unknown[] | undefined)?.[0];
}

/** The example value of each path parameter, as the text that goes in the URL. */
export function examplePathParams(operation: Operation): Record<string, string> {
  return Object.fromEntries(
    operation.parameters
      .filter((parameter) => parameter.in === "path")
      .map((parameter) => {
        const example = exampleOf(parameter);
        if (!["string", "number", "boolean"].includes(typeof example)) {
          throw new SpecDocumentError(
            `${operation.operationId}: path parameter {${parameter.name}} has no example to put in the URL; give it an \`example\` in spec/openapi.yaml`,
          );
        }
        return [parameter.name, String(example)];
      }),
  );
}

/**
 * `{ name: example }` of an operation's query or header parameters, as the
 * spec writes each value. An optional parameter without an example is left
 * out; a required one is a request nobody can send from the spec alone.
 */
export function parameterExamples(
  operation: Operation,
  location: "query" | "header",
): Record<string, unknown> {
  const examples = operation.parameters
    .filter((parameter) => parameter.in === location)
    .flatMap((parameter) => {
      const example = exampleOf(parameter);
      if (example !== undefined) return [[parameter.name, example] as const];
      if (!parameter.required) return [];
      throw new SpecDocumentError(
        `${operation.operationId}: required ${location} parameter "${parameter.name}" has no example to send; give it an \`example\` in spec/openapi.yaml`,
      );
    });
  return Object.fromEntries(examples);
}

/** One response an operation documents: a status, a content type, one of its named examples. */
export interface DocumentedExample {
  /** As the spec keys it: "200", "4XX", "default". */
  readonly status: string;
  /** Absent when the response has no body. */
  readonly contentType?: string;
  /** Absent when the spec documents the response without a named example. */
  readonly exampleName?: string;
  readonly summary?: string;
  readonly example?: unknown;
  /**
   * The name of the class @dingtalk-conference/client throws for this answer,
   * from the example's x-client-error (the lint ruleset requires it on every
   * 4xx/5xx example); absent where the spec names none.
   */
  readonly clientError?: string;
}

/**
 * Every status × content type × named example of an operation, in document
 * order. A response without a body, or without a named example, is one entry
 * still: it is a response a caller must handle.
 */
export function responsesOf(operation: Operation): DocumentedExample[] {
  return Object.entries(operation.responses).flatMap(([status, response]) => {
    if (!response.content) return [{ status }];
    return Object.entries(response.content).flatMap(([contentType, media]) => {
      const examples = Object.entries(media.examples ?? {});
      if (examples.length === 0) return [{ status, contentType }];
      return examples.map(([exampleName, example]) => {
        const { summary, value } = example;
        const clientError = clientErrorOf(
          example,
          `${operation.operationId} → ${status} ${exampleName}`,
        );
        return {
          status,
          contentType,
          exampleName,
          ...(summary === undefined ? {} : { summary }),
          example: value,
          ...(clientError === undefined ? {} : { clientError }),
        };
      });
    });
  });
}

/** An example's x-client-error: a class name, or absent; anything else is a mistake in the spec. */
function clientErrorOf(example: Example, where: string): string | undefined {
  const name = example["x-client-error"];
  if (name === undefined) return undefined;
  if (typeof name !== "string" || !/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new SpecDocumentError(
      `${where}: x-client-error must name a class of @dingtalk-conference/client, got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

/** A concrete path from a template, each parameter percent-encoded as one segment. */
export function expandPath(pathTemplate: string, params: Readonly<Record<string, string>>): string {
  return pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) {
      throw new SpecDocumentError(`no value for path parameter {${name}} of ${pathTemplate}`);
    }
    return encodeURIComponent(value);
  });
}

import { readFileSync } from "node:fs";
import { specPath } from "@dingtalk-conference/mock";
import { parse } from "yaml";

/** A JSON Schema as the spec writes it (OpenAPI 3.1 schemas are JSON Schema 2020-12). */
export type Schema = { readonly [keyword: string]: unknown };

export interface MediaType {
  readonly schema?: Schema;
  readonly examples?: Readonly<Record<string, { readonly value?: unknown }>>;
}

export interface Parameter {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly required?: boolean;
  readonly schema?: Schema;
  readonly example?: unknown;
}

export interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly parameters: readonly Parameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, MediaType>> };
  readonly responses: Readonly<Record<string, { readonly content?: Record<string, MediaType> }>>;
  /** Names of the header an API key travels in, from the operation's security requirements. */
  readonly apiKeyHeaders: readonly string[];
}

const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * Replaces every local `$ref` with what it points to, so responses, parameters
 * and schemas can be read (and compiled by ajv) without a resolver. The spec
 * has no recursive schemas; if one appears, this says so rather than looping.
 */
export function dereference(document: unknown): unknown {
  const resolve = (pointer: string): unknown => {
    if (!pointer.startsWith("#/"))
      throw new Error(`only local $refs are supported, got ${pointer}`);
    return pointer
      .slice(2)
      .split("/")
      .map((token) => decodeURIComponent(token).replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<unknown>((node, token) => {
        const next = (node as Record<string, unknown> | undefined)?.[token];
        if (next === undefined) throw new Error(`$ref ${pointer} points nowhere`);
        return next;
      }, document);
  };
  const walk = (node: unknown, trail: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, trail));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    if (typeof $ref === "string") {
      if (trail.includes($ref)) throw new Error(`recursive $ref ${[...trail, $ref].join(" → ")}`);
      // OpenAPI 3.1 lets a $ref carry siblings (summary, description): they win.
      return {
        ...(walk(resolve($ref), [...trail, $ref]) as object),
        ...(walk(rest, trail) as object),
      };
    }
    return Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [key, walk(value, trail)]),
    );
  };
  return walk(document, []);
}

interface RawDocument {
  paths?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  components?: { securitySchemes?: Record<string, { type: string; in?: string; name?: string }> };
}

/** Every operation of an OpenAPI document, dereferenced. */
export function operationsOf(document: unknown): Operation[] {
  const doc = dereference(document) as RawDocument;
  const schemes = doc.components?.securitySchemes ?? {};
  return Object.entries(doc.paths ?? {}).flatMap(([pathTemplate, item]) => {
    const shared = (item.parameters as Parameter[] | undefined) ?? [];
    return httpMethods
      .filter((method) => item[method] !== undefined)
      .map((method) => {
        const raw = item[method] as Record<string, unknown>;
        if (typeof raw.operationId !== "string") {
          throw new Error(`${method.toUpperCase()} ${pathTemplate} has no operationId`);
        }
        const security = (raw.security as RawDocument["security"]) ?? doc.security ?? [];
        const own = (raw.parameters as Parameter[] | undefined) ?? [];
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
          apiKeyHeaders: security
            .flatMap((requirement) => Object.keys(requirement))
            .map((name) => schemes[name])
            .filter((scheme) => scheme?.type === "apiKey" && scheme.in === "header")
            .map((scheme) => (scheme?.name ?? "").toLowerCase()),
        };
      });
  });
}

/** The spec this suite checks against: the one Prism serves. */
export const spec = {
  path: specPath,
  operations: operationsOf(parse(readFileSync(specPath, "utf8"))),
};

export function operationById(operationId: string): Operation {
  const operation = spec.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  return operation;
}

/** The operation whose path template matches a concrete path, as a router would pick it. */
export function operationForPath(method: string, pathname: string): Operation | undefined {
  return spec.operations.find(
    (operation) =>
      operation.method === method.toLowerCase() &&
      pathParamsOf(operation.pathTemplate, pathname) !== undefined,
  );
}

/**
 * Splits a concrete path along a template: the decoded value of each
 * `{param}` segment, or undefined when the segments do not line up.
 */
export function pathParamsOf(
  pathTemplate: string,
  pathname: string,
): Record<string, string> | undefined {
  const expected = pathTemplate.split("/");
  const actual = pathname.split("/");
  if (expected.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of expected.entries()) {
    const value = actual[index] ?? "";
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name === undefined) {
      if (segment !== value) return undefined;
      continue;
    }
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      return undefined; // a malformed escape is no value a server could route on
    }
  }
  return params;
}

/** A concrete path from a template, each parameter percent-encoded as one segment. */
export function expandPath(pathTemplate: string, params: Readonly<Record<string, string>>): string {
  return pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`no value for path parameter ${name} of ${pathTemplate}`);
    return encodeURIComponent(value);
  });
}

// The committed spec, loaded once per test file, and the facts tests derive
// from it, so no test writes a field list, status or example name twice.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

export const specDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const repoRoot = join(specDir, "..");
export const specFile = join(specDir, "openapi.yaml");

// biome-ignore lint/suspicious/noExplicitAny: tests reach into and mutate arbitrary spec nodes.
export type Spec = Record<string, any>;

export async function loadSpec(): Promise<Spec> {
  return parse(await readFile(specFile, "utf8"));
}

/** A deep copy of the spec with one change applied. */
export function mutated(spec: Spec, change: (copy: Spec) => void): Spec {
  const copy = structuredClone(spec);
  change(copy);
  return copy;
}

export const invitePath = "/v1.0/conference/videoConferences/{conferenceId}/users/invite";
export const invite = (spec: Spec): Spec => spec.paths[invitePath].post;

/** Follows a local `$ref` until it reaches a node. */
export function deref(spec: Spec, node: Spec): Spec {
  if (typeof node?.$ref !== "string") return node;
  const target = node.$ref
    .slice(2)
    .split("/")
    .reduce((at: Spec, key: string) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  return deref(spec, target);
}

export interface NamedResponseExample {
  operationId: string;
  status: string;
  name: string;
  summary: string;
  value: unknown;
}

/** Every named example of every response of every operation, in document order. */
export function namedResponseExamples(spec: Spec): NamedResponseExample[] {
  return Object.values(spec.paths as Spec).flatMap((pathItem: Spec) =>
    Object.values(pathItem)
      .filter((operation: Spec) => typeof operation?.operationId === "string")
      .flatMap((operation: Spec) =>
        Object.entries(operation.responses as Spec).flatMap(([status, response]) =>
          Object.values((deref(spec, response).content ?? {}) as Spec).flatMap((media: Spec) =>
            Object.entries((media.examples ?? {}) as Spec).map(([name, example]) => ({
              operationId: operation.operationId,
              status,
              name,
              summary: deref(spec, example).summary ?? "",
              value: deref(spec, example).value,
            })),
          ),
        ),
      ),
  );
}

export const isError = (example: NamedResponseExample) => /^[45]/.test(example.status);

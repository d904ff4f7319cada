// The committed spec, loaded once per test file, and the facts tests derive
// from it, so no test writes a field list, status or example name twice.
// Reading the document is the shared module's job (src/document.ts); this
// adds only what tests need: a mutable view and deep copies to change.
import { dirname } from "node:path";
import { loadSpec as loadDocument, specPath } from "../../src/document.js";

export const specDir = dirname(specPath);

// biome-ignore lint/suspicious/noExplicitAny: tests reach into and mutate arbitrary spec nodes.
export type Spec = Record<string, any>;

/** The committed spec as written ($refs and all), for tests that change it. */
export const loadSpec = (): Spec => loadDocument() as Spec;

/** A deep copy of the spec with one change applied. */
export function mutated(spec: Spec, change: (copy: Spec) => void): Spec {
  const copy = structuredClone(spec);
  change(copy);
  return copy;
}

export const invitePath = "/v1.0/conference/videoConferences/{conferenceId}/users/invite";
export const invite = (spec: Spec): Spec => spec.paths[invitePath].post;

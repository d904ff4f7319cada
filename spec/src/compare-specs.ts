// Classifies every difference between two versions of the spec, from the
// point of view of a client built on the older one. api-smart-diff does the
// OpenAPI 3.1-aware work; this module only adds the project's reading of
// error examples, whose names are DingTalk error codes.
import type { Bump } from "@dingtalk-conference/release-plan";
import { apiCompare, type Diff } from "api-smart-diff";
import { dereference } from "./document.js";

export type ChangeKind = "breaking" | "non-breaking" | "annotation";

/** The published client; its types are generated from the spec, so a spec change reaches it. */
export const clientPackage = "@dingtalk-conference/client";

/**
 * The semver bump of the client a change of each kind calls for. spec:diff fails only
 * on the first: a breaking change no major changeset announces.
 */
export const bumpFor = {
  breaking: "major",
  "non-breaking": "minor",
  annotation: "patch",
} as const satisfies Record<ChangeKind, Bump>;

export interface SpecChange {
  kind: ChangeKind;
  /** JSON path in the spec, e.g. /paths/~1v1.0~1…/post/responses/200/… */
  path: string;
  /** One line a reviewer can act on. */
  reason: string;
}

const kindOrder: Record<ChangeKind, number> = { breaking: 0, "non-breaking": 1, annotation: 2 };

const pointer = (path: readonly (string | number)[]) =>
  `/${path.map((key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;

/**
 * Component diffs repeat what the library already reports, with context, under
 * `paths` (where every $ref is followed); only security schemes live nowhere else.
 */
function isReachedThroughPaths(path: readonly (string | number)[]): boolean {
  return path[0] === "components" && path[1] !== "securitySchemes";
}

/** `…/responses/4xx|5xx/content/<type>/examples/<name>`: a documented DingTalk error code. */
function errorCodeExample(path: readonly (string | number)[]): string | undefined {
  const at = path.indexOf("responses");
  const [status, content, , examples, name] = path.slice(at + 1);
  const isErrorStatus = /^[45]\d\d$/.test(String(status));
  const isWholeExample = path.length === at + 6 && content === "content" && examples === "examples";
  return at > 0 && isErrorStatus && isWholeExample ? String(name) : undefined;
}

/** The node a diff path names in a dereferenced spec: the library follows every $ref too. */
const nodeAt = (resolved: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
    resolved,
  );

/** An enum item added to a request field (body or parameter) that had no enum at all. */
function introducesRequestEnum(diff: Diff, resolvedBefore: () => unknown): boolean {
  const isRequest = diff.path.includes("requestBody") || diff.path.includes("parameters");
  if (!isRequest || diff.action !== "add" || diff.path.at(-2) !== "enum") return false;
  const field = nodeAt(resolvedBefore(), diff.path.slice(0, -2)) as { enum?: unknown } | undefined;
  return field !== undefined && field.enum === undefined;
}

function classify(diff: Diff, resolvedBefore: () => unknown): SpecChange {
  const path = pointer(diff.path);
  const code = errorCodeExample(diff.path);
  if (code !== undefined && diff.action === "remove") {
    // A client written for more error codes keeps working when one is no
    // longer sent; its handling just becomes dead code.
    return { kind: "non-breaking", path, reason: `[Removed] error code \`${code}\`` };
  }
  if (code !== undefined && diff.action === "add") {
    return {
      kind: "non-breaking",
      path,
      reason: `[Added] error code \`${code}\`; callers may want to handle it`,
    };
  }
  const reason = diff.description || `[${diff.action}] ${path}`;
  if (introducesRequestEnum(diff, resolvedBefore)) {
    // The library reads the first enum on a field as values added (widening);
    // for a request it is the opposite: every value but these is now refused.
    return { kind: "breaking", path, reason: `${reason}; the field accepted any value before` };
  }
  switch (diff.type) {
    case "breaking":
      return { kind: "breaking", path, reason };
    case "non-breaking":
    case "deprecated":
      return { kind: "non-breaking", path, reason };
    default:
      // Examples, descriptions and what the library leaves unclassified change
      // no generated type: the reviewer reads them, the gate does not stop them.
      return { kind: "annotation", path, reason };
  }
}

/** Every change from `before` to `after`, breaking ones first. */
export function compareSpecs(before: unknown, after: unknown): SpecChange[] {
  let resolved: unknown;
  const resolvedBefore = () => {
    resolved ??= dereference(before);
    return resolved;
  };
  // The library rewrites its inputs while comparing (it adds empty `enum`
  // lists, for one), so it gets copies and the originals stay readable.
  return apiCompare(structuredClone(before), structuredClone(after))
    .diffs.filter((diff) => !isReachedThroughPaths(diff.path))
    .map((diff) => classify(diff, resolvedBefore))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.path.localeCompare(b.path));
}

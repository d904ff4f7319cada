// The spec this suite checks against, read by the shared document module
// (@dingtalk-conference/spec/document), plus how a router maps a concrete path
// back to its operation.
import {
  loadSpec,
  type Operation,
  operationsOf,
  SpecDocumentError,
  specPath,
} from "@dingtalk-conference/spec/document";

const document = loadSpec(specPath);

/** The spec this suite checks against: the one Prism serves. */
export const spec = {
  path: specPath,
  document,
  operations: operationsOf(document),
};

export function operationById(operationId: string): Operation {
  const operation = spec.operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) {
    throw new SpecDocumentError(
      `spec/openapi.yaml has no operation ${operationId}, which the suite calls by name`,
    );
  }
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

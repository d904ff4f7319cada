import type { Operation } from "@dingtalk-conference/spec/document";
import { type RequestExample, requestExamplesOf } from "./request-examples.js";
import type { ContractTarget } from "./targets.js";

/** One documented request the suite sends a target, with the path parameters it goes to. */
export interface TargetRequest {
  readonly operation: Operation;
  readonly request: RequestExample;
}

/**
 * The documented requests a target gets: every one to the mock; to a real
 * provider, with the real token, only those of operations the spec marks
 * `x-contract-safe: true` (they change nothing and reach no one), sent to the
 * provider's own conference. An unmarked operation might ring people (the
 * invite's examples name invitees) or close the conference; the invite reaches
 * a provider only as the provider checks' invitation of no one.
 */
export function requestsFor(
  target: ContractTarget,
  operations: readonly Operation[],
): TargetRequest[] {
  const sendable =
    target.kind === "mock" ? operations : operations.filter((operation) => operation.contractSafe);
  return sendable.flatMap((operation) =>
    requestExamplesOf(operation).map((request) => ({
      operation,
      request: { ...request, pathParams: onTarget(request.pathParams, target) },
    })),
  );
}

/** The example path parameters, each replaced by the target's own value where it names one. */
function onTarget(
  pathParams: Readonly<Record<string, string>>,
  target: ContractTarget,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(pathParams).map(([name, value]) => [name, target.pathParams?.[name] ?? value]),
  );
}

// Which class the client must throw for each DingTalk code: the one the spec
// names on that code's error example (x-client-error), looked up among
// @dingtalk-conference/client's exports. The spec states the promise once; the
// suite, like the client's own tests, only reads it.
import * as clientExports from "@dingtalk-conference/client";
import { DingTalkApiError } from "@dingtalk-conference/client";
import { type Operation, responsesOf } from "@dingtalk-conference/spec/document";
import { spec } from "./spec.js";

/** A class of the client's API-error hierarchy, whatever its constructor takes. */
export type ApiErrorClass = abstract new (...args: never[]) => DingTalkApiError;

/** The suite cannot tell which class the client must throw; the message says what the spec lacks. */
export class UnknownErrorClassError extends Error {
  override readonly name = "UnknownErrorClassError";
}

/**
 * The class the spec promises for a DingTalk code: the x-client-error of every
 * error example with that code, which must name one class the client exports.
 * Only the examples of the code asked about are checked, so a mistake in one
 * example fails the cases of that example alone.
 */
export function expectedErrorClass(
  code: string,
  operations: readonly Operation[] = spec.operations,
): ApiErrorClass {
  const examples = errorExamplesOf(operations).filter((example) => example.code === code);
  const [first, ...others] = examples.map(({ clientError, where }) => ({
    errorClass: exportedErrorClass(clientError, where),
    where,
  }));
  if (!first) {
    throw new UnknownErrorClassError(
      `the spec documents no error example with code "${code}", so the suite cannot tell which class the client throws for it; add one, with its x-client-error, to spec/openapi.yaml`,
    );
  }
  const contradicting = others.find((other) => other.errorClass !== first.errorClass);
  if (contradicting) {
    throw new UnknownErrorClassError(
      `${contradicting.where}: x-client-error ${contradicting.errorClass.name} contradicts ${first.errorClass.name} of ${first.where}, for the same code "${code}"; make both name one class in spec/openapi.yaml`,
    );
  }
  return first.errorClass;
}

interface ErrorExample {
  readonly code: unknown;
  readonly clientError?: string;
  /** Where the example is, for messages: "inviteUsers → 400 paramsError". */
  readonly where: string;
}

/** Every named example of a 4xx/5xx response of the operations. */
function errorExamplesOf(operations: readonly Operation[]): ErrorExample[] {
  return operations.flatMap((operation) =>
    responsesOf(operation).flatMap(({ status, exampleName, example, clientError }) =>
      /^[45]/.test(status) && exampleName !== undefined
        ? [
            {
              code: (example as { code?: unknown } | undefined)?.code,
              ...(clientError === undefined ? {} : { clientError }),
              where: `${operation.operationId} → ${status} ${exampleName}`,
            },
          ]
        : [],
    ),
  );
}

/** The client export an x-client-error names, if it is a DingTalkApiError class. */
function exportedErrorClass(name: string | undefined, where: string): ApiErrorClass {
  if (name === undefined) {
    throw new UnknownErrorClassError(
      `${where}: the example has no x-client-error, so the suite cannot tell which class the client throws for it; name it in spec/openapi.yaml`,
    );
  }
  const exported: unknown = (clientExports as Record<string, unknown>)[name];
  if (
    typeof exported !== "function" ||
    !(exported === DingTalkApiError || exported.prototype instanceof DingTalkApiError)
  ) {
    throw new UnknownErrorClassError(
      `${where}: x-client-error "${name}" names no DingTalkApiError class @dingtalk-conference/client exports; name one in spec/openapi.yaml, or add the class to packages/client/src/errors.ts`,
    );
  }
  return exported as ApiErrorClass;
}

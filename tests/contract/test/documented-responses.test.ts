// Every response the spec documents, asked of Prism by name, must come out of
// the client as the documented result or the documented error.
import { DingTalkApiError } from "@dingtalk-conference/client";
import { describe, expect, it } from "vitest";
import { driverFor } from "../src/client-drivers.js";
import { problemsOf } from "../src/conformance.js";
import {
  allDocumentedResponses,
  describeResponse,
  preferHeader,
} from "../src/documented-responses.js";
import { expectedErrorClass } from "../src/expected-errors.js";
import { settle } from "../src/outcome.js";
import { recordingFetch } from "../src/recording-fetch.js";
import { requestExamplesOf } from "../src/request-examples.js";
import { spec } from "../src/spec.js";
import { contractTargets } from "../src/targets-in-test.js";

const { mock, provider } = contractTargets();

describe("every documented response, through the client (Prism mock)", () => {
  const cases = allDocumentedResponses.map((response) => ({
    title: describeResponse(response),
    response,
  }));

  it.each(cases)("$title", async ({ response }) => {
    const { operation, status, example } = response;
    const driver = driverFor(operation.operationId);
    const [request] = requestExamplesOf(operation);
    const recorder = recordingFetch({ prefer: preferHeader(response) });

    const outcome = await settle(driver.call(mock, recorder.fetch, request as never));

    expect(
      problemsOf(recorder.exchanges, { requestWasValid: true, askedForStatus: status }),
    ).toEqual([]);
    expect(recorder.exchanges.map((exchange) => exchange.response?.status)).toEqual([status]);
    if (status < 300) {
      if (!outcome.ok) throw outcome.error;
      expect(example).toMatchObject(driver.resultAsBody(outcome.value));
      return;
    }
    expect(outcome.ok, "the client resolved an error response").toBe(false);
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(DingTalkApiError);
    const { code, requestid } = (example ?? {}) as { code?: string; requestid?: string };
    if (code !== undefined) expect((error as object).constructor).toBe(expectedErrorClass(code));
    expect(error).toMatchObject({ status, code, requestId: requestid });
  });

  it("covers every operation and status the spec documents", () => {
    // Guards the case list itself: a status dropped by documentedResponses would vanish silently.
    const documented = spec.operations.flatMap((op) =>
      Object.keys(op.responses).map((s) => `${op.operationId} ${s}`),
    );
    const covered = new Set(
      cases.map(({ response: r }) => `${r.operation.operationId} ${r.status}`),
    );
    expect(documented.filter((entry) => !covered.has(entry))).toEqual([]);
  });
});

const requestExamples = spec.operations.flatMap((operation) =>
  requestExamplesOf(operation).map((request) => ({
    title: `${operation.operationId} ${request.name}`,
    operation,
    request,
  })),
);

describe.each([mock, provider].filter((target) => target !== undefined))(
  "every request example, through the client ($name)",
  (target) => {
    it.each(requestExamples)("$title", async ({ operation, request }) => {
      const pathParams = { ...request.pathParams, ...target.pathParams };
      const recorder = recordingFetch();

      const outcome = await settle(
        driverFor(operation.operationId).call(target, recorder.fetch, { ...request, pathParams }),
      );

      expect(problemsOf(recorder.exchanges, { requestWasValid: true })).toEqual([]);
      expect(recorder.exchanges).toHaveLength(1);
      if (target.kind === "mock" && !outcome.ok) throw outcome.error;
      // A provider may refuse the spec's placeholder invitees; whatever it says must be documented and typed.
      if (!outcome.ok) {
        expect(outcome.error).toBeInstanceOf(DingTalkApiError);
        const { code } = outcome.error as DingTalkApiError;
        if (code !== undefined)
          expect((outcome.error as object).constructor).toBe(expectedErrorClass(code));
      }
    });
  },
);

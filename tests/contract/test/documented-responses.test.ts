// Every response the spec documents, asked of Prism by name, must come out of
// the client as the documented result or the documented error.
import { describe, expect, it } from "vitest";
import { driverFor } from "../src/client-drivers.js";
import { problemsOf } from "../src/conformance.js";
import {
  allDocumentedResponses,
  describeResponse,
  preferHeader,
} from "../src/documented-responses.js";
import { expectDocumentedError } from "../src/expected-errors-assert.js";
import { settle } from "../src/outcome.js";
import { recordingFetch } from "../src/recording-fetch.js";
import { type RequestExample, requestExamplesOf } from "../src/request-examples.js";
import { requestsFor } from "../src/requests-for-target.js";
import { spec } from "../src/spec.js";
import { contractTargets } from "../src/targets-in-test.js";

const { mock, provider } = contractTargets();

describe("every documented response, through the client (Prism mock)", () => {
  for (const response of allDocumentedResponses) {
    it(describeResponse(response), async () => {
      const { operation, status, example } = response;
      const driver = driverFor(operation);
      const [request] = requestExamplesOf(operation) as [RequestExample];
      const recorder = recordingFetch({ prefer: preferHeader(response) });

      const outcome = await settle(driver.call(mock, recorder.fetch, request));

      const problems = problemsOf(recorder.exchanges, {
        requestWasValid: true,
        askedForStatus: status,
      });
      expect(problems).toEqual([]);
      expect(recorder.exchanges.map((exchange) => exchange.response?.status)).toEqual([status]);
      if (driver.via === "client.raw") {
        // openapi-fetch resolves with the body of any answer, error or not.
        if (!outcome.ok) throw outcome.error;
        expect(driver.resultAsBody(outcome.value)).toEqual(example);
        return;
      }
      if (status < 300) {
        if (!outcome.ok) throw outcome.error;
        expect(example).toMatchObject(driver.resultAsBody(outcome.value) as object);
        return;
      }
      expect(outcome.ok, "the client resolved an error response").toBe(false);
      const { code, requestid } = (example ?? {}) as { code?: string; requestid?: string };
      expectDocumentedError((outcome as { error: unknown }).error, {
        status,
        code,
        requestId: requestid,
      });
    });
  }

  it("covers every operation and status the spec documents", () => {
    // Guards the case list itself: a status dropped by documentedResponses would vanish silently.
    const documented = spec.operations.flatMap((op) =>
      Object.keys(op.responses).map((status) => `${op.operationId} ${status}`),
    );
    const covered = allDocumentedResponses.map((r) => `${r.operation.operationId} ${r.status}`);
    expect(documented.filter((entry) => !covered.includes(entry))).toEqual([]);
  });
});

for (const target of [mock, provider].filter((candidate) => candidate !== undefined)) {
  // A provider gets only what the spec marks x-contract-safe (see requestsFor).
  describe(`every request example, through the client (${target.name})`, () => {
    for (const { operation, request } of requestsFor(target, spec.operations)) {
      it(`${operation.operationId} ${request.name}`, async () => {
        const driver = driverFor(operation);
        const recorder = recordingFetch();

        const outcome = await settle(driver.call(target, recorder.fetch, request));

        expect(problemsOf(recorder.exchanges, { requestWasValid: true })).toEqual([]);
        expect(recorder.exchanges).toHaveLength(1);
        const status = recorder.exchanges[0]?.response?.status ?? 0;
        if (target.kind === "mock")
          expect(status, "the mock refused a documented request").toBeLessThan(300);
        if (outcome.ok) return;
        // The mock accepts the spec's examples; a provider may refuse their placeholders
        // (an app key no one issued), and whatever it says must then be documented and typed.
        if (target.kind === "mock") throw outcome.error;
        expectDocumentedError(outcome.error, { code: (outcome.error as { code?: string }).code });
      });
    }
  });
}

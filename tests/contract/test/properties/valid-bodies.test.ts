// Property 1: the client sends every body the request schema accepts, unchanged,
// and Prism finds nothing wrong with the request.

import { examplePathParams } from "@dingtalk-conference/spec/document";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { driverFor } from "../../src/client-drivers.js";
import { problemsOf } from "../../src/conformance.js";
import { settle } from "../../src/outcome.js";
import { propertyParameters } from "../../src/properties.js";
import { recordingFetch } from "../../src/recording-fetch.js";
import { requestSchemaOf } from "../../src/request-examples.js";
import { arbitraryOf } from "../../src/schema-arbitrary.js";
import { schemaErrors } from "../../src/schema-validator.js";
import { operationById } from "../../src/spec.js";
import { contractTargets } from "../../src/targets-in-test.js";

const { mock } = contractTargets();
const invite = operationById("inviteUsers");
const schema = requestSchemaOf(invite);
const driver = driverFor(invite);

// Only against the mock: against a real provider each run would ring whoever the generated body names.
describe("property: every schema-valid body reaches Prism intact (Prism mock)", () => {
  it("is sent once, unchanged, with zero sl-violations and a documented response", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryOf(schema), async (body) => {
        expect(schemaErrors(schema, body), "the generator made an invalid body").toEqual([]);
        const recorder = recordingFetch();

        const outcome = await settle(
          driver.call(mock, recorder.fetch, {
            name: "generated",
            pathParams: examplePathParams(invite),
            body,
          }),
        );

        expect(problemsOf(recorder.exchanges, { requestWasValid: true })).toEqual([]);
        if (!outcome.ok) throw outcome.error;
        expect(recorder.exchanges).toHaveLength(1);
        expect(JSON.parse(recorder.exchanges[0]?.requestBody ?? "null")).toEqual(body);
      }),
      propertyParameters(mock),
    );
  });
});

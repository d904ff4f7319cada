// Property 2: a body that breaks the request schema never reaches the server.
// Prism judges every such body sent directly, and the client must reach the
// same verdict before sending: refuse it with a ValidationError saying where.
// A body the client lets through while Prism flags it is a disagreement
// between the two validators, and fails.
import { ValidationError } from "@dingtalk-conference/client";
import {
  examplePathParams,
  expandPath,
  securityHeadersOf,
} from "@dingtalk-conference/spec/document";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { driverFor } from "../../src/client-drivers.js";
import { settle } from "../../src/outcome.js";
import { propertyParameters } from "../../src/properties.js";
import { recordingFetch } from "../../src/recording-fetch.js";
import { requestSchemaOf } from "../../src/request-examples.js";
import { type BreakageKind, breakageKinds, brokenArbitraryOf } from "../../src/schema-breakers.js";
import { schemaErrors } from "../../src/schema-validator.js";
import { prismFlagged } from "../../src/sl-violations.js";
import { operationById } from "../../src/spec.js";
import { contractTargets } from "../../src/targets-in-test.js";

const { mock, provider } = contractTargets();
const invite = operationById("inviteUsers");
const schema = requestSchemaOf(invite);
const driver = driverFor(invite);

for (const target of [mock, provider].filter((candidate) => candidate !== undefined)) {
  describe(`property: every schema-breaking body is refused by the client, as Prism flags it (${target.name})`, () => {
    const pathParams = { ...examplePathParams(invite), ...target.pathParams };
    const url = target.baseUrl + expandPath(invite.pathTemplate, pathParams);
    const credentials = Object.fromEntries(
      securityHeadersOf(invite).map((header) => [header, target.accessToken]),
    );
    const kindsTried = new Set<BreakageKind>();

    it("agrees with Prism on every broken body", async () => {
      await fc.assert(
        fc.asyncProperty(brokenArbitraryOf(schema), async (broken) => {
          kindsTried.add(broken.kind);
          expect(
            schemaErrors(schema, broken.value),
            `the generator did not break the body: ${broken.description}`,
          ).not.toEqual([]);
          const direct = await fetch(url, {
            method: invite.method.toUpperCase(),
            headers: { "content-type": "application/json", ...credentials },
            body: JSON.stringify(broken.value),
          });
          await direct.text(); // read to the end, so the connection is kept for the next run
          expect(
            prismFlagged(direct.status, direct.headers),
            `Prism accepted a body the schema refuses: ${broken.description}`,
          ).toBe(true);
          const recorder = recordingFetch();

          const outcome = await settle(
            driver.call(target, recorder.fetch, { name: "broken", pathParams, body: broken.value }),
          );

          if (outcome.ok || !(outcome.error instanceof ValidationError)) {
            expect.fail(`the client let through a body Prism flags: ${broken.description}`);
          }
          expect(recorder.exchanges, "a refused body was sent anyway").toEqual([]);
          const paths = outcome.error.issues.map((issue) => issue.path);
          expect(
            paths.some((path) => path === broken.pointer || path.startsWith(`${broken.pointer}/`)),
            `issues ${JSON.stringify(paths)} do not point at ${broken.pointer} (${broken.description})`,
          ).toBe(true);
        }),
        propertyParameters(target),
      );
      expect([...kindsTried].sort()).toEqual([...breakageKinds].sort());
    });
  });
}

// Property 3: whatever string a caller passes as conferenceId, the request
// goes to the invite operation with that string as the one path segment —
// no slash, dot segment, percent sign or query character can redirect it.
import { ValidationError } from "@dingtalk-conference/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { driverFor } from "../../src/client-drivers.js";
import { problemsOf } from "../../src/conformance.js";
import { settle } from "../../src/outcome.js";
import { propertyParameters } from "../../src/properties.js";
import { invitationOfNoOne } from "../../src/provider-checks.js";
import { recordingFetch } from "../../src/recording-fetch.js";
import { requestExamplesOf } from "../../src/request-examples.js";
import { schemaErrors } from "../../src/schema-validator.js";
import { operationById, operationForPath, pathParamsOf } from "../../src/spec.js";
import { contractTargets } from "../../src/targets-in-test.js";

const { mock, provider } = contractTargets();
const invite = operationById("inviteUsers");
const driver = driverFor(invite);
const conferenceIdSchema =
  invite.parameters.find((p) => p.in === "path" && p.name === "conferenceId")?.schema ?? {};

/** Pieces that mean something to URL parsers and routers, glued together at random. */
const urlPieces = fc.constantFrom(
  "/",
  ".",
  "..",
  "%",
  "%2F",
  "%2e%2E",
  "?",
  "#",
  "\\",
  "&",
  "=",
  ";",
  "+",
  " ",
  "é",
  "😀",
  "\u0000",
  "\n",
  "users",
  "invite",
  "a",
);
const conferenceIds = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.array(urlPieces, { maxLength: 6 }).map((pieces) => pieces.join("")),
  fc.constantFrom("", ".", "..", "/", "../..", "%2F", "?", "#"),
);

for (const target of [mock, provider].filter((candidate) => candidate !== undefined)) {
  describe(`property: conferenceId never changes the request path (${target.name})`, () => {
    // The mock answers any body; a provider gets one that invites nobody.
    const body = target.kind === "mock" ? requestExamplesOf(invite)[0]?.body : invitationOfNoOne;

    it("reaches the invite operation with conferenceId as its one segment, or is refused unsent", async () => {
      await fc.assert(
        fc.asyncProperty(conferenceIds, async (conferenceId) => {
          const recorder = recordingFetch();
          const outcome = await settle(
            driver.call(target, recorder.fetch, {
              name: "generated",
              pathParams: { conferenceId },
              body,
            }),
          );
          // The schema itself rules out "." and "..": URL parsers drop dot
          // segments even percent-encoded, so no encoding could carry them.
          const valid = schemaErrors(conferenceIdSchema, conferenceId).length === 0;

          if (!outcome.ok && outcome.error instanceof ValidationError) {
            expect(recorder.exchanges, "a refused request was sent anyway").toEqual([]);
            expect(
              valid,
              `the client refused a valid conferenceId ${JSON.stringify(conferenceId)}`,
            ).toBe(false);
            return;
          }
          expect(
            valid,
            `the client sent an invalid conferenceId ${JSON.stringify(conferenceId)}`,
          ).toBe(true);
          expect(recorder.exchanges).toHaveLength(1);
          const { url, method } = recorder.exchanges[0] as NonNullable<
            (typeof recorder.exchanges)[0]
          >;
          expect(url.search + url.hash).toBe("");
          expect(pathParamsOf(invite.pathTemplate, url.pathname)).toEqual({ conferenceId });
          expect(operationForPath(method, url.pathname)?.operationId).toBe(invite.operationId);
          // Prism routed it to the same operation: a documented answer, not its 404.
          expect(problemsOf(recorder.exchanges, { requestWasValid: true })).toEqual([]);
        }),
        propertyParameters(target),
      );
    });
  });
}

// The client checks requests against the spec's schemas with its own few
// lines (src/validation.ts). ajv, a full JSON Schema 2020-12 implementation,
// is the reference: on every input below both must find the same problems,
// at the same paths, in the same order.
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../src/errors.js";
import { assertValidInvite } from "../src/validation.js";
import { spec } from "./fixtures/spec.js";

/** Every `x-…` key in the spec: OpenAPI extensions, which ajv's strict mode must be told about. */
function extensionKeys(node: unknown, found = new Set<string>()): Set<string> {
  if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}

const ajv = new Ajv2020({ allErrors: true });
ajv.addVocabulary([...Object.keys(spec), ...extensionKeys(spec)]);
ajv.addSchema(spec, "openapi.yaml");
const ajvValidator = (pointer: string) => {
  const validate = ajv.getSchema(`openapi.yaml#${pointer}`);
  if (!validate) throw new Error(`No schema at ${pointer}`);
  return validate;
};
const ajvConferenceId = ajvValidator("/components/parameters/ConferenceId/schema");
const ajvBody = ajvValidator("/components/schemas/InviteUsersRequest");

/** Where an ajv error points: a missing or unknown field at itself, as the client reports it. */
const pathOf = ({ instancePath, params }: ErrorObject) =>
  "missingProperty" in params
    ? `${instancePath}/${params.missingProperty}`
    : "additionalProperty" in params
      ? `${instancePath}/${params.additionalProperty}`
      : instancePath;

function ajvPaths(conferenceId: unknown, body: unknown): string[] {
  const conferenceIdErrors = ajvConferenceId(conferenceId) ? [] : (ajvConferenceId.errors ?? []);
  const bodyErrors = ajvBody(body) ? [] : (ajvBody.errors ?? []);
  return [...conferenceIdErrors.map(() => "conferenceId"), ...bodyErrors.map(pathOf)];
}

function clientPaths(conferenceId: unknown, body: unknown): string[] {
  try {
    assertValidInvite(conferenceId, body);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

const conferenceIds: unknown[] = ["c", "", ".", "..", "...", "%2e%2e", "😀", " ", 42, null, ["c"]];

const bodies: unknown[] = [
  {},
  [],
  null,
  "body",
  7,
  { unionId: "" },
  { unionId: null, inviteeList: null, phoneInviteeList: "x" },
  { inviteeList: [] },
  { inviteeList: [null, 1, "a", [], {}, { nick: "" }] },
  { inviteeList: [{ nick: "Test user", unionId: 1, nickname: "Test user" }] },
  { inviteeList: [{ nick: ["Test user"] }, { nick: { first: "Test user" } }, { nick: true }] },
  { phoneInviteeList: [{ phoneNumber: "1", nick: "n", inviteClient: true, statusCode: "86" }] },
  { phoneInviteeList: [{ phoneNumber: 1, nick: 2, inviteClient: "yes", statusCode: 86, x: 1 }] },
  { phoneInviteeList: {} },
  { unionId: "u", extra: 1, another: [], inviteeList: [{ nick: "A" }] },
  JSON.parse('{"__proto__": {"nick": 1}, "constructor": "x"}'),
  { inviteeList: [{ nick: "A", constructor: 1, toString: "x" }] },
];

describe("the client's request check", () => {
  it.each(conferenceIds)("finds what ajv finds for conferenceId %j", (conferenceId) => {
    expect(clientPaths(conferenceId, {})).toEqual(ajvPaths(conferenceId, {}));
  });

  it.each(bodies)("finds what ajv finds for body %j", (body) => {
    expect(clientPaths("", body)).toEqual(ajvPaths("", body));
  });
});

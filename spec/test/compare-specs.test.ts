// Each fixture is the committed spec with one change, made in memory; the
// expectation names how a client built on the committed spec is affected.
import { beforeAll, describe, expect, it } from "vitest";
import { type ChangeKind, compareSpecs, type SpecChange } from "../src/compare-specs.js";
import { invite, loadSpec, mutated, type Spec } from "./support/spec-document.js";

let original: Spec;
beforeAll(async () => {
  original = loadSpec();
});

const inviteResponse200 =
  "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1users~1invite/post/responses/200/content/application~1json/schema";
const inviteRequest =
  "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1users~1invite/post/requestBody/content/application~1json/schema";
const inviteResponses =
  "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1users~1invite/post/responses";

/** The 200 response also lists who was invited, reusing the request's Invitee schema. */
function echoInvitees(spec: Spec): void {
  spec.components.schemas.InviteUsersResponse.properties.invitees = {
    type: "array",
    description: "Who was invited.",
    items: { $ref: "#/components/schemas/Invitee" },
  };
}

const changesOf = (change: (spec: Spec) => void, base: (spec: Spec) => void = () => {}) => {
  const before = mutated(original, base);
  return compareSpecs(before, mutated(before, change));
};

const pick = (changes: SpecChange[], path: string) => changes.find((c) => c.path === path);

interface Rule {
  rule: string;
  base?: (spec: Spec) => void;
  change: (spec: Spec) => void;
  /** Where the change under test is reported, and how. */
  path: string;
  kind: ChangeKind;
  reason?: string;
  /** Kinds the rest of the report may hold besides `kind`. */
  otherKinds?: ChangeKind[];
}

describe("compareSpecs", () => {
  it("finds nothing between the spec and itself", () => {
    expect(compareSpecs(original, structuredClone(original))).toEqual([]);
  });

  it.each<Rule>([
    {
      rule: "removing a response field is breaking",
      change: (spec: Spec) => {
        delete spec.components.schemas.InviteUsersResponse.properties.success;
      },
      path: `${inviteResponse200}/properties/success`,
      kind: "breaking",
    },
    {
      rule: "making nick optional in a response is breaking",
      base: echoInvitees,
      change: (spec: Spec) => {
        spec.components.schemas.Invitee.required = [];
      },
      path: `${inviteResponse200}/properties/invitees/items/required/0`,
      kind: "breaking",
      // The shared Invitee schema also loosens the request: that side is safe.
      otherKinds: ["non-breaking"],
    },
    {
      rule: "making nick optional in a request is not breaking",
      change: (spec: Spec) => {
        spec.components.schemas.Invitee.required = [];
      },
      path: `${inviteRequest}/properties/inviteeList/items/required/0`,
      kind: "non-breaking",
    },
    {
      rule: "making nick required in a request is breaking",
      change: (spec: Spec) => {
        spec.components.schemas.PhoneInvitee.required = ["nick"];
      },
      path: `${inviteRequest}/properties/phoneInviteeList/items/required/0`,
      kind: "breaking",
    },
    {
      rule: "adding a required request field is breaking",
      change: (spec: Spec) => {
        const request = spec.components.schemas.InviteUsersRequest;
        request.properties.meetingTitle = { type: "string", description: "Shown to invitees." };
        request.required = ["meetingTitle"];
      },
      path: `${inviteRequest}/required/0`,
      kind: "breaking",
    },
    {
      rule: "adding an optional request field is not breaking",
      change: (spec: Spec) => {
        spec.components.schemas.InviteUsersRequest.properties.meetingTitle = {
          type: "string",
          description: "Shown to invitees.",
        };
      },
      path: `${inviteRequest}/properties/meetingTitle`,
      kind: "non-breaking",
    },
    {
      rule: "narrowing a request field's type to an enum is breaking",
      change: (spec: Spec) => {
        spec.components.schemas.PhoneInvitee.properties.statusCode.enum = ["86", "852"];
      },
      path: `${inviteRequest}/properties/phoneInviteeList/items/properties/statusCode/enum/0`,
      kind: "breaking",
    },
    {
      rule: "narrowing a request field from integer to string is breaking",
      base: (spec: Spec) => {
        spec.components.schemas.PhoneInvitee.properties.statusCode.type = ["string", "integer"];
      },
      change: (spec: Spec) => {
        spec.components.schemas.PhoneInvitee.properties.statusCode.type = "string";
      },
      path: `${inviteRequest}/properties/phoneInviteeList/items/properties/statusCode/type`,
      kind: "breaking",
    },
    {
      rule: "narrowing a response field is not breaking",
      change: (spec: Spec) => {
        spec.components.schemas.GetAccessTokenResponse.properties.expireIn.maximum = 7200;
      },
      path: "/paths/~1v1.0~1oauth2~1accessToken/post/responses/200/content/application~1json/schema/properties/expireIn/maximum",
      kind: "non-breaking",
    },
    {
      rule: "adding an error code (a named error example) is not breaking",
      change: (spec: Spec) => {
        spec.components.responses.SystemError.content["application/json"].examples.serviceBusy = {
          summary: "Busy",
          value: { code: "serviceBusy", message: "busy", requestid: "1" },
        };
      },
      path: `${inviteResponses}/500/content/application~1json/examples/serviceBusy`,
      kind: "non-breaking",
      reason: "[Added] error code `serviceBusy`; callers may want to handle it",
    },
    {
      rule: "removing an error code (a named error example) is not breaking",
      change: (spec: Spec) => {
        delete spec.components.responses.Forbidden.content["application/json"].examples[
          "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi"
        ];
      },
      path: `${inviteResponses}/403/content/application~1json/examples/Forbidden.AccessDenied.QpsLimitForAppkeyAndApi`,
      kind: "non-breaking",
      reason: "[Removed] error code `Forbidden.AccessDenied.QpsLimitForAppkeyAndApi`",
    },
    {
      rule: "removing an error status (its generated type) is breaking",
      change: (spec: Spec) => {
        delete invite(spec).responses["403"];
      },
      path: `${inviteResponses}/403`,
      kind: "breaking",
    },
    {
      rule: "adding an operation is not breaking",
      change: (spec: Spec) => {
        spec.paths["/v1.0/conference/videoConferences/{conferenceId}/added-by-this-test"] = {
          delete: { ...invite(spec), operationId: "closeVideoConference", requestBody: undefined },
        };
      },
      path: "/paths/~1v1.0~1conference~1videoConferences~1{conferenceId}~1added-by-this-test/delete",
      kind: "non-breaking",
      reason:
        "[Added] operation DELETE /v1.0/conference/videoConferences/{conferenceId}/added-by-this-test",
    },
    {
      rule: "rewording a description is an annotation",
      change: (spec: Spec) => {
        spec.components.schemas.Invitee.properties.nick.description = "The invitee's display name.";
      },
      path: `${inviteRequest}/properties/inviteeList/items/properties/nick/description`,
      kind: "annotation",
    },
  ])("$rule", ({ base, change, path, kind, reason, otherKinds = [] }) => {
    const changes = changesOf(change, base);
    const listing = JSON.stringify(changes, null, 2);
    expect(pick(changes, path), listing).toMatchObject({ kind, ...(reason ? { reason } : {}) });
    // The rest of the report must agree: a change called safe here may not be
    // reported as breaking elsewhere, and a breaking one carries nothing unexpected.
    expect([...new Set(changes.map((c) => c.kind))].sort(), listing).toEqual(
      [...new Set([kind, ...otherKinds])].sort(),
    );
  });

  it("lists breaking changes first", () => {
    const changes = changesOf((spec) => {
      spec.components.schemas.Invitee.properties.nick.description = "Reworded.";
      delete spec.components.schemas.InviteUsersResponse.properties.success;
    });
    expect(changes.map((c) => c.kind)).toEqual(
      [...changes.map((c) => c.kind)].sort((a, b) =>
        a === "breaking" ? -1 : b === "breaking" ? 1 : 0,
      ),
    );
    expect(changes[0]?.kind).toBe("breaking");
  });
});

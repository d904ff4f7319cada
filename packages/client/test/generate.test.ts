// `pnpm generate` refuses a spec the client would send wrongly or check
// loosely, naming the place and the file to change; what openapi-fetch sends
// by itself (path, query and header parameters) passes.
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript without types
import { requestSchemasSource } from "../scripts/request-schemas.mjs";
// @ts-expect-error: a build script, plain JavaScript without types
import { assertSerializable } from "../scripts/serializable.mjs";
import { spec } from "./fixtures/spec.js";

type Json = Record<string, unknown>;

/** The spec with `edit` applied to a deep copy of its invite operation. */
function specWithInvite(edit: (operation: Json) => void): Json {
  const copy = structuredClone(spec) as { paths: Record<string, Record<string, Json>> };
  const item = Object.values(copy.paths).find(
    (candidate) => candidate.post?.operationId === "inviteUsers",
  );
  if (!item?.post) throw new Error("The spec has no inviteUsers operation");
  edit(item.post);
  return copy;
}

const withParameter = (parameter: Json) =>
  specWithInvite((operation) => {
    operation.parameters = [...(operation.parameters as unknown[]), parameter];
  });

describe("pnpm generate's serializer check", () => {
  it("accepts the spec as it is", () => {
    expect(() => assertSerializable(spec)).not.toThrow();
  });

  it.each([
    { name: "unionId", in: "query", required: true, schema: { type: "string" } },
    { name: "ids", in: "query", schema: { type: "array", items: { type: "integer" } } },
    { name: "filter", in: "query", style: "deepObject", schema: { type: "object" } },
    { name: "x-trace", in: "header", schema: { type: "string" } },
  ])("accepts a $in parameter $name, which openapi-fetch sends", (parameter) => {
    expect(() => assertSerializable(withParameter(parameter))).not.toThrow();
  });

  it("refuses a cookie parameter, which openapi-fetch would drop, naming the files to change", () => {
    const broken = withParameter({ name: "session", in: "cookie", schema: { type: "string" } });
    expect(() => assertSerializable(broken)).toThrow(
      /^POST \/v1\.0\/conference\/videoConferences\/\{conferenceId\}\/users\/invite: cookie parameter `session` cannot be sent .+ spec\/openapi\.yaml, .+ packages\/client\/src\/transport\.ts .+ packages\/client\/scripts\/serializable\.mjs$/,
    );
  });

  it("refuses a request body that is not JSON", () => {
    const broken = specWithInvite((operation) => {
      const body = operation.requestBody as { content: Json };
      body.content["application/x-www-form-urlencoded"] = { schema: { type: "object" } };
    });
    expect(() => assertSerializable(broken)).toThrow(
      /a request body of type application\/x-www-form-urlencoded cannot be sent/,
    );
  });
});

describe("pnpm generate's request schemas", () => {
  const withInvitee = (edit: (invitee: Json) => void) => {
    const copy = structuredClone(spec) as { components: { schemas: Record<string, Json> } };
    edit(copy.components.schemas.Invitee as Json);
    return copy;
  };

  it("cuts the spec's request schemas, $refs inlined and annotations left out", () => {
    const source: string = requestSchemasSource(spec);
    expect(source).toContain("export const inviteUsersRequestSchema: RequestSchema = {");
    expect(source).not.toContain('"$ref"');
    expect(source).not.toContain('"description"');
  });

  it("refuses a keyword the client does not check, naming where and the files to change", () => {
    const broken = withInvitee((invitee) => {
      (invitee.properties as Record<string, Json>).nick = { type: "string", pattern: "^\\S" };
    });
    expect(() => requestSchemasSource(broken)).toThrow(
      /^\/components\/schemas\/InviteUsersRequest\/properties\/inviteeList\/items\/properties\/nick: `pattern: "\^\\\\S"` is not checked by the client; teach packages\/client\/src\/validation\.ts .+ packages\/client\/scripts\/request-schemas\.mjs, or leave it out of spec\/openapi\.yaml$/,
    );
  });

  it("refuses a keyword beside a $ref that its target holds too", () => {
    const broken = structuredClone(spec) as { components: { schemas: Record<string, Json> } };
    const request = broken.components.schemas.InviteUsersRequest as { properties: Json };
    request.properties.inviteeList = {
      type: "array",
      items: { $ref: "#/components/schemas/Invitee", required: ["unionId"] },
    };
    expect(() => requestSchemasSource(broken)).toThrow(
      '$ref "#/components/schemas/Invitee" has a sibling `required` that its target has too',
    );
  });
});

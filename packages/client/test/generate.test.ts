// `pnpm generate` refuses a spec the client's serializers would mishandle,
// naming the operation and what it cannot send.
import { describe, expect, it } from "vitest";
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

describe("pnpm generate's serializer check", () => {
  it("accepts the spec as it is", () => {
    expect(() => assertSerializable(spec)).not.toThrow();
  });

  it("refuses a query parameter, which the client would drop", () => {
    const broken = specWithInvite((operation) => {
      operation.parameters = [
        ...(operation.parameters as unknown[]),
        { name: "lang", in: "query", schema: { type: "string" } },
      ];
    });
    expect(() => assertSerializable(broken)).toThrow(
      /^POST \/v1\.0\/conference\/videoConferences\/\{conferenceId\}\/users\/invite: query parameter `lang` has no serializer in src\/transport\.ts/,
    );
  });

  it("refuses a request body that is not JSON", () => {
    const broken = specWithInvite((operation) => {
      const body = operation.requestBody as { content: Json };
      body.content["application/x-www-form-urlencoded"] = { schema: { type: "object" } };
    });
    expect(() => assertSerializable(broken)).toThrow(
      /a request body of type application\/x-www-form-urlencoded has no serializer/,
    );
  });
});

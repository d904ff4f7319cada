import { describe, expectTypeOf, it } from "vitest";
import type { Invitee, InviteUsersRequest, PhoneInvitee } from "../src/index.js";

describe("generated request types", () => {
  it("require nick on a DingTalk invitee, as the spec does", () => {
    // @ts-expect-error nick is required
    const withoutNick: Invitee = { unionId: "u1" };
    expectTypeOf(withoutNick).toEqualTypeOf<Invitee>();
    expectTypeOf<Invitee["nick"]>().toEqualTypeOf<string>();
  });

  it("leave every phone-invitee field optional, as the spec does", () => {
    expectTypeOf<Record<string, never>>().toExtend<PhoneInvitee>();
  });

  it("refuse fields the spec does not define", () => {
    // @ts-expect-error nickname is not a field of Invitee
    const misspelt: Invitee = { nick: "A", nickname: "A" };
    expectTypeOf(misspelt).toEqualTypeOf<Invitee>();
    expectTypeOf<InviteUsersRequest["inviteeList"]>().toEqualTypeOf<Invitee[] | undefined>();
  });
});

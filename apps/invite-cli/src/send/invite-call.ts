import {
  AuthenticationError,
  type ConferenceClient,
  type InviteUsersRequest,
  PermissionDeniedError,
} from "@dingtalk-conference/client";
import { type BatchFailure, failureFromError, withRequestId } from "../batch-failure.js";
import { type Person, toInvitee, toPhoneInvitee } from "../input/people.js";

export type BatchOutcome =
  | { readonly ok: true; readonly requestId?: string }
  | ({
      readonly ok: false;
      /**
       * DingTalk refused the access token itself (invalid, expired, or without the
       * API's permission): every further batch would fail the same way.
       */
      readonly tokenRefused?: true;
    } & BatchFailure);

/**
 * Invites one batch with one call and says what happened; never throws for a failed
 * request. The run depends only on this, so it is tested against scripted servers
 * without the client's internals, and the client stays the only code that speaks HTTP.
 */
export type InviteCall = (people: readonly Person[]) => Promise<BatchOutcome>;

export function createInviteCall(options: {
  client: ConferenceClient;
  conferenceId: string;
  /** The inviting user's unionId; without it DingTalk cannot show who is calling. */
  operator?: string;
}): InviteCall {
  const { client, conferenceId, operator } = options;
  return async (people) => {
    try {
      const result = await client.inviteUsers(conferenceId, requestBody(people, operator));
      if (result.success)
        return result.requestId ? { ok: true, requestId: result.requestId } : { ok: true };
      // An answer of success:false says nothing about who was rung: keep it ambiguous.
      return withRequestId(
        {
          ok: false,
          code: "success:false",
          message: "DingTalk answered success: false",
          mayHaveActed: true,
        },
        result.requestId,
      );
    } catch (error) {
      const tokenRefused =
        error instanceof AuthenticationError || error instanceof PermissionDeniedError;
      return {
        ok: false,
        ...failureFromError(error),
        ...(tokenRefused ? { tokenRefused: true as const } : {}),
      };
    }
  };
}

export function requestBody(
  people: readonly Person[],
  operator: string | undefined,
): InviteUsersRequest {
  const users = people.flatMap((p) => (p.kind === "user" ? [toInvitee(p)] : []));
  const phones = people.flatMap((p) => (p.kind === "phone" ? [toPhoneInvitee(p)] : []));
  return {
    ...(operator ? { unionId: operator } : {}),
    ...(users.length > 0 ? { inviteeList: users } : {}),
    ...(phones.length > 0 ? { phoneInviteeList: phones } : {}),
  };
}

/** What happened to a failed batch, without what the run makes of it (a refused token). */
export function failureOfOutcome(outcome: BatchOutcome & { ok: false }): BatchFailure {
  const { ok: _, tokenRefused: __, ...failure } = outcome;
  return failure;
}

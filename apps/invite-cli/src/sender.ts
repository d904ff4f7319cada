import {
  AuthenticationError,
  type ConferenceClient,
  ConferenceClientError,
  DingTalkApiError,
  type InviteUsersRequest,
  PermissionDeniedError,
} from "@dingtalk-conference/client";
import { type BatchFailure, failureReason } from "./journal.js";
import { type Person, toInvitee, toPhoneInvitee } from "./people.js";

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
 * Sends one batch and says what happened; never throws for a failed request. The run
 * depends only on this, so it is tested against scripted servers without the client's
 * internals, and the client stays the only code that speaks HTTP.
 */
export type SendBatch = (people: readonly Person[]) => Promise<BatchOutcome>;

export function createClientSender(options: {
  client: ConferenceClient;
  conferenceId: string;
  /** The inviting user's unionId; without it DingTalk cannot show who is calling. */
  operator?: string;
}): SendBatch {
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

/** What the journal and summary keep of a failed call: DingTalk's code, requestId, and whether it may have rung. */
export function failureFromError(error: unknown): BatchFailure {
  if (error instanceof DingTalkApiError) {
    // A 2xx the client could not read (e.g. a body that is not JSON) was still accepted:
    // the people may have been rung, so it must not count as surely failed.
    const accepted = error.status >= 200 && error.status < 300;
    return withRequestId(
      {
        code: error.code ?? `HTTP ${error.status}`,
        message: error.message,
        mayHaveActed: error.mayHaveActed || accepted,
      },
      error.requestId,
    );
  }
  if (error instanceof ConferenceClientError) {
    return {
      code: error.name,
      message: error.message,
      mayHaveActed: error.mayHaveActed,
    };
  }
  // Not the client's error, so nobody knows how far the request got: assume it may have rung.
  const message = error instanceof Error ? error.message : String(error);
  return { code: "unexpected", message, mayHaveActed: true };
}

function withRequestId<T extends object>(
  outcome: T,
  requestId: string | undefined,
): T & { requestId?: string } {
  return requestId ? { ...outcome, requestId } : outcome;
}

/** One line for a person: `code: message (requestId …)`. */
export function formatFailure(failure: BatchFailure): string {
  const requestId = failure.requestId ? ` (requestId ${failure.requestId})` : "";
  return `${failureReason(failure)}${requestId}`;
}

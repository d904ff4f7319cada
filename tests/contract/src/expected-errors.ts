import {
  AuthenticationError,
  type DingTalkApiError,
  ParamsError,
  PermissionDeniedError,
  SystemError,
  ThrottledError,
  UnknownUserError,
} from "@dingtalk-conference/client";

/** A class of the client's API-error hierarchy, whatever its constructor takes. */
export type ApiErrorClass = abstract new (...args: never[]) => DingTalkApiError;

/**
 * The error class the client's documentation promises for each DingTalk code
 * (client README, "Handling errors"). The client keeps this mapping private,
 * so the suite states the promise once here; a code the spec documents but
 * this table lacks fails the suite (see `expectedErrorClass`).
 */
const errorClassByCode: Readonly<Record<string, ApiErrorClass>> = {
  paramsError: ParamsError,
  unknownUserError: UnknownUserError,
  InvalidAuthentication: AuthenticationError,
  "AuthenticationFailed.MissingParameter": AuthenticationError,
  "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi": ThrottledError,
  "Forbidden.AccessDenied.AccessTokenPermissionDenied": PermissionDeniedError,
  systemError: SystemError,
  // The token endpoint's refusal of an app's credentials.
  invalidClientIdOrSecret: AuthenticationError,
};

export function expectedErrorClass(code: string): ApiErrorClass {
  const expected = errorClassByCode[code];
  if (!expected) {
    throw new Error(
      `the spec documents error code "${code}" but the contract suite does not know which class the client throws for it; add it to expected-errors.ts`,
    );
  }
  return expected;
}

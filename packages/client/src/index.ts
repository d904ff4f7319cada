export {
  type ConferenceClient,
  type ConferenceClientOptions,
  createConferenceClient,
  type InviteUsersResult,
  type RequestOptions,
} from "./client.js";
export {
  AuthenticationError,
  ConferenceClientError,
  ConnectionError,
  DingTalkApiError,
  type DingTalkApiErrorInit,
  ParamsError,
  PermissionDeniedError,
  SystemError,
  ThrottledError,
  TimeoutError,
  UnknownUserError,
  ValidationError,
  type ValidationIssue,
} from "./errors.js";
export type {
  ClientHooks,
  RequestEvent,
  ResponseEvent,
  RetryEvent,
} from "./hooks.js";
export {
  type AppTokenProviderOptions,
  createAppTokenProvider,
  type TokenProvider,
} from "./token.js";
export type { ClientFetch } from "./transport.js";
export type * from "./types.js";

// Readable names for the generated types; the shapes themselves live only in
// the spec (see src/generated/openapi.ts).
import type { components, operations, paths } from "./generated/openapi.js";

type Schemas = components["schemas"];

export type { components, operations, paths };
export type InviteUsersRequest = Schemas["InviteUsersRequest"];
export type Invitee = Schemas["Invitee"];
export type PhoneInvitee = Schemas["PhoneInvitee"];
export type InviteUsersResponse = Schemas["InviteUsersResponse"];
export type GetAccessTokenRequest = Schemas["GetAccessTokenRequest"];
export type GetAccessTokenResponse = Schemas["GetAccessTokenResponse"];
export type DingTalkErrorBody = Schemas["DingTalkError"];

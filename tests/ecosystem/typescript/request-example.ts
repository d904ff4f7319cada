import { createConferenceClient, type InviteUsersResult } from "@dingtalk-conference/client";
import { body, conferenceId } from "./spec-example.js";

const client = createConferenceClient({ accessToken: "token" });

export const answer: Promise<InviteUsersResult> = client.inviteUsers(conferenceId, body);
export const success: Promise<boolean> = answer.then((result) => result.success);

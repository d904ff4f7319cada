import { createConferenceClient, ValidationError } from "@dingtalk-conference/client";
import { bodyWithoutNick, conferenceId } from "./spec-example.js";

const client = createConferenceClient({ accessToken: "token" });

export async function issuePaths(): Promise<string[]> {
  try {
    // @ts-expect-error every invitee needs a nick
    await client.inviteUsers(conferenceId, bodyWithoutNick);
    return [];
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
}

import { createConferenceClient, UnknownUserError } from "@dingtalk-conference/client";
import { body, conferenceId } from "./spec-example.js";

const client = createConferenceClient({ accessToken: "token" });

export async function unknownUserRequestId(): Promise<string | undefined> {
  try {
    await client.inviteUsers(conferenceId, body);
    return undefined;
  } catch (error) {
    if (error instanceof UnknownUserError) {
      const status: number = error.status;
      const code: string | undefined = error.code;
      return `${status} ${code}: ${error.requestId}`;
    }
    throw error;
  }
}

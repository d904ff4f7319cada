import { createConferenceClient } from "@dingtalk-conference/client";
import { body, conferenceId } from "./spec-example.js";

const client = createConferenceClient({ accessToken: "token" });

export async function abortedName(): Promise<string> {
  try {
    await client.inviteUsers(conferenceId, body, { signal: AbortSignal.abort() });
    return "resolved";
  } catch (error) {
    if (error instanceof DOMException) return error.name;
    throw error;
  }
}

import { createConferenceClient } from "@dingtalk-conference/client";
import { body, conferenceId } from "./spec-example.js";

const client = createConferenceClient({ accessToken: "token" });

// Type-checked only, never run, as every file here: a TypeScript row's ✅ means it compiles.
export async function abortedMidFlight(controller: AbortController): Promise<string> {
  const call = client.inviteUsers(conferenceId, body, { signal: controller.signal });
  controller.abort();
  try {
    await call;
    return "resolved";
  } catch (error) {
    if (error instanceof DOMException) return error.name;
    throw error;
  }
}

import type { InviteUsersRequest, paths } from "@dingtalk-conference/client";

/** The endpoint every subject calls; `satisfies` ties it to the generated paths. */
export const invitePath =
  "/v1.0/conference/videoConferences/{conferenceId}/users/invite" satisfies keyof paths;

export const conferenceId = "644272f14ba33101bench000";
export const accessToken = "bench-access-token";

/** The URL of one invitation on `baseUrl`, as a hand-written caller would build it. */
export function inviteUrl(baseUrl: string): string {
  return `${baseUrl}${invitePath.replace("{conferenceId}", encodeURIComponent(conferenceId))}`;
}

/** A body inviting `count` DingTalk users, each with a unionId and a nick. */
export function inviteBody(count: number): InviteUsersRequest {
  return {
    unionId: "operatorUnionId0001",
    inviteeList: Array.from({ length: count }, (_, index) => ({
      unionId: `benchUnionId${String(index).padStart(6, "0")}`,
      nick: `Invitee ${index}`,
    })),
  };
}

/** Every subject checks the answer, so a subject that silently fails cannot look fast. */
export function assertSuccess(subject: string, answer: unknown): void {
  if ((answer as { success?: unknown } | undefined)?.success !== true) {
    throw new Error(`${subject}: expected {"success":true}, got ${JSON.stringify(answer)}`);
  }
}

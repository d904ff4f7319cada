import type { InviteUsersRequest } from "@dingtalk-conference/client";

/**
 * The dingtalk-invite command line that sends `request` to a conference: the operator,
 * each user, each phone invitee. The demo and the contract suite use it to send the
 * spec's request example through the CLI exactly as a person would type it.
 */
export function inviteArgumentsFor(conferenceId: string, request: InviteUsersRequest): string[] {
  return [
    conferenceId,
    ...(request.unionId ? ["--operator", request.unionId] : []),
    ...(request.inviteeList ?? []).flatMap((user) => [
      "--user",
      `${user.unionId ?? ""}:${user.nick}`,
    ]),
    // A field the spec makes optional but the CLI needs goes in empty: the CLI's own
    // parser then names what is missing.
    ...(request.phoneInviteeList ?? []).flatMap((phone) => {
      const phoneNumber = phone.phoneNumber ?? "";
      return ["--phone", phone.nick ? `${phoneNumber}:${phone.nick}` : phoneNumber];
    }),
  ];
}

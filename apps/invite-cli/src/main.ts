// Placeholder until the CLI lands: proves the app type-checks against the
// client's public types.
import type { InviteUsersRequest } from "@dingtalk-conference/client";

export const exampleRequest: InviteUsersRequest = {
  unionId: "qzR1iSMDvzR9iP7P0ZKZobSxxxxxxxx",
  inviteeList: [{ unionId: "exxxxxxal40ofA6gexxxxxxxxxx", nick: "Test user" }],
  phoneInviteeList: [{ phoneNumber: "1xxxxxxxxxx", nick: "Test phone user" }],
};

// "Invite one user" with the vendor's SDK as its documentation imports it:
// `@alicloud/dingtalk/conference_1_0`, which requires the package's index of every API.
const conference = require("@alicloud/dingtalk/conference_1_0");
const { Config } = require("@alicloud/openapi-client");
const { RuntimeOptions } = require("@alicloud/tea-util");

const [conferenceId = "", unionId = "", nick = ""] = process.argv.slice(2);
const base = new URL(process.env.DINGTALK_BASE_URL ?? "https://api.dingtalk.com");
const client = new conference.default(
  new Config({ protocol: base.protocol.slice(0, -1), endpoint: base.host }),
);

client
  .inviteUsersWithOptions(
    conferenceId,
    new conference.InviteUsersRequest({
      inviteeList: [new conference.InviteUsersRequestInviteeList({ unionId, nick })],
    }),
    new conference.InviteUsersHeaders({
      xAcsDingtalkAccessToken: process.env.DINGTALK_ACCESS_TOKEN ?? "",
    }),
    new RuntimeOptions({}),
  )
  .then((answer) => console.log(JSON.stringify(answer.body)));

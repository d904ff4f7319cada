// "Invite one user" with the vendor's SDK, requiring only its conference client
// module: the smallest correct import (its documented entry loads every API).
// CommonJS, as the SDK is, so nothing depends on ESM interop.
const {
  default: Conference,
  InviteUsersHeaders,
  InviteUsersRequest,
  InviteUsersRequestInviteeList,
} = require("@alicloud/dingtalk/dist/conference_1_0/client.js");
const { Config } = require("@alicloud/openapi-client");
const { RuntimeOptions } = require("@alicloud/tea-util");

const [conferenceId = "", unionId = "", nick = ""] = process.argv.slice(2);
const base = new URL(process.env.DINGTALK_BASE_URL ?? "https://api.dingtalk.com");
const client = new Conference(
  new Config({ protocol: base.protocol.slice(0, -1), endpoint: base.host }),
);

client
  .inviteUsersWithOptions(
    conferenceId,
    new InviteUsersRequest({ inviteeList: [new InviteUsersRequestInviteeList({ unionId, nick })] }),
    new InviteUsersHeaders({ xAcsDingtalkAccessToken: process.env.DINGTALK_ACCESS_TOKEN ?? "" }),
    new RuntimeOptions({}),
  )
  .then((answer) => console.log(JSON.stringify(answer.body)));

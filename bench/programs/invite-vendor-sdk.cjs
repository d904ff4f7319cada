// Invite one user on the server at argv[2] with the vendor's SDK as its
// documentation imports it: `@alicloud/dingtalk/conference_1_0` loads the
// package's index of every API. CommonJS, as the SDK is.
const conference = require("@alicloud/dingtalk/conference_1_0");
const { Config } = require("@alicloud/openapi-client");
const { RuntimeOptions } = require("@alicloud/tea-util");

const { protocol, host } = new URL(process.argv[2]);
const client = new conference.default(
  new Config({ protocol: protocol.slice(0, -1), endpoint: host }),
);
const invitee = new conference.InviteUsersRequestInviteeList({ unionId: "u0", nick: "Invitee 0" });
client
  .inviteUsersWithOptions(
    "644272f14ba33101bench000",
    new conference.InviteUsersRequest({ inviteeList: [invitee] }),
    new conference.InviteUsersHeaders({ xAcsDingtalkAccessToken: "token" }),
    new RuntimeOptions({}),
  )
  .then(({ body }) => {
    if (body.success !== true) throw new Error(`unexpected answer ${JSON.stringify(body)}`);
  });

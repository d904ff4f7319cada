// "Invite one user" with @dingtalk-conference/client.
import { createConferenceClient } from "@dingtalk-conference/client";

const [conferenceId = "", unionId = "", nick = ""] = process.argv.slice(2);
const client = createConferenceClient({
  accessToken: process.env.DINGTALK_ACCESS_TOKEN ?? "",
  ...(process.env.DINGTALK_BASE_URL ? { baseUrl: process.env.DINGTALK_BASE_URL } : {}),
});

console.log(
  JSON.stringify(await client.inviteUsers(conferenceId, { inviteeList: [{ unionId, nick }] })),
);

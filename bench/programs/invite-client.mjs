// Invite one user on the server at argv[2] with @dingtalk-conference/client.
import { createConferenceClient } from "@dingtalk-conference/client";

const client = createConferenceClient({ accessToken: "token", baseUrl: process.argv[2] });
const invitees = { inviteeList: [{ unionId: "u0", nick: "Invitee 0" }] };
const answer = await client.inviteUsers("644272f14ba33101bench000", invitees);
if (answer.success !== true) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);

// Invite one user on the server at argv[2] with nothing but fetch.
const path = "/v1.0/conference/videoConferences/644272f14ba33101bench000/users/invite";
const response = await fetch(`${process.argv[2]}${path}`, {
  method: "POST",
  headers: { "content-type": "application/json", "x-acs-dingtalk-access-token": "token" },
  body: JSON.stringify({ inviteeList: [{ unionId: "u0", nick: "Invitee 0" }] }),
});
const answer = await response.json();
if (answer.success !== true) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);

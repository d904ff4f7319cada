// "Invite one user" with nothing but fetch: the floor of the weight comparison.
const baseUrl = process.env.DINGTALK_BASE_URL ?? "https://api.dingtalk.com";
const [conferenceId = "", unionId = "", nick = ""] = process.argv.slice(2);

const response = await fetch(
  `${baseUrl}/v1.0/conference/videoConferences/${encodeURIComponent(conferenceId)}/users/invite`,
  {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-acs-dingtalk-access-token": process.env.DINGTALK_ACCESS_TOKEN ?? "",
    },
    body: JSON.stringify({ inviteeList: [{ unionId, nick }] }),
  },
);
console.log(JSON.stringify(await response.json()));

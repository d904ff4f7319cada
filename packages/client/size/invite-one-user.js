// What the "invite one user" size budget measures (.size-limit.json): a
// program that creates a client and invites one user, bundled with everything
// it imports, openapi-fetch included.
import { createConferenceClient } from "../dist/index.js";

createConferenceClient({ accessToken: "token" })
  .inviteUsers("conference", { inviteeList: [{ unionId: "user", nick: "User" }] })
  .then(console.log, console.error);

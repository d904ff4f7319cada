import type { InviteUsersRequest } from "@dingtalk-conference/client";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/input/args.js";
import { readInput } from "../src/input/read-input.js";
import { inviteArgumentsFor } from "../src/invite-arguments.js";
import { requestBody } from "../src/send/invite-call.js";
import { listOf } from "./fixtures/people.js";

/** The request the CLI would send for a command line (one batch). */
async function requestOf(
  argv: string[],
): Promise<{ conferenceId: string; body: InviteUsersRequest }> {
  const args = parseCliArgs(argv);
  if (args.help) throw new Error("unexpected --help");
  const { people } = await readInput(args, process.cwd());
  return {
    conferenceId: args.conferenceId,
    body: requestBody(listOf(people), args.operator),
  };
}

describe("inviteArgumentsFor", () => {
  it("gives the command line whose request is the one it was given", async () => {
    const request: InviteUsersRequest = {
      unionId: "operator1",
      inviteeList: [
        { unionId: "union1", nick: "User 1: the first" },
        { unionId: "union2", nick: "User 2" },
      ],
      phoneInviteeList: [{ phoneNumber: "13800000003", nick: "Phone 3" }],
    };
    expect(await requestOf(inviteArgumentsFor("conf1", request))).toEqual({
      conferenceId: "conf1",
      body: request,
    });
  });

  it("leaves out what the request leaves out: no operator, a phone invitee without a nick", async () => {
    const request: InviteUsersRequest = { phoneInviteeList: [{ phoneNumber: "13800000004" }] };
    const argv = inviteArgumentsFor("conf1", request);
    expect(argv).toEqual(["conf1", "--phone", "13800000004"]);
    expect((await requestOf(argv)).body).toEqual(request);
  });
});

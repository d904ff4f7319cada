import { describe, expect, it } from "vitest";
import { type InviteUsersRequest, ValidationError } from "../src/index.js";
import { rejectionOf, testClient } from "./fixtures/client.js";
import { useTestServer } from "./fixtures/server.js";
import { requestExample } from "./fixtures/spec.js";

/** Input TypeScript would refuse, as untyped callers (JavaScript, JSON from a file) send it. */
const untyped = (body: unknown) => body as InviteUsersRequest;

describe("validation", () => {
  const server = useTestServer();

  it.each([
    [
      "an empty conferenceId",
      "",
      {},
      [{ path: "conferenceId", message: "must have at least 1 characters" }],
    ],
    [
      "a dot-segment conferenceId",
      "..",
      {},
      [{ path: "conferenceId", message: "is a value the spec rules out" }],
    ],
    [
      "a single-dot conferenceId",
      ".",
      {},
      [{ path: "conferenceId", message: "is a value the spec rules out" }],
    ],
    ["a non-string conferenceId", 42, {}, [{ path: "conferenceId", message: "must be string" }]],
    [
      "an invitee without nick",
      "c",
      { inviteeList: [{ unionId: "u1" }] },
      [{ path: "/inviteeList/0/nick", message: "is required" }],
    ],
    [
      "a number where a string belongs",
      "c",
      { phoneInviteeList: [{ phoneNumber: 13800138000 }] },
      [{ path: "/phoneInviteeList/0/phoneNumber", message: "must be string" }],
    ],
    [
      "an unknown field",
      "c",
      { inviteeList: [{ nick: "Test user", nickname: "Test user" }] },
      [{ path: "/inviteeList/0/nickname", message: "is not a field of the spec" }],
    ],
    [
      "a list that is not an array",
      "c",
      { inviteeList: { nick: "Test user" } },
      [{ path: "/inviteeList", message: "must be array" }],
    ],
    ["a body that is not an object", "c", [], [{ path: "", message: "must be object" }]],
    [
      "several problems at once",
      "",
      { unionId: 7, inviteeList: [{}, { nick: null }] },
      [
        { path: "conferenceId", message: "must have at least 1 characters" },
        { path: "/unionId", message: "must be string" },
        { path: "/inviteeList/0/nick", message: "is required" },
        { path: "/inviteeList/1/nick", message: "must be string" },
      ],
    ],
  ])(
    "refuses %s, listing each problem, and sends nothing",
    async (_, conferenceId, body, issues) => {
      const call = testClient(server().url).inviteUsers(conferenceId as string, untyped(body));
      const error = await rejectionOf(call);

      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ name: "ValidationError", mayHaveActed: false, issues });
      for (const issue of issues) {
        expect((error as Error).message).toContain(`${issue.path || "body"} ${issue.message}`);
      }
      expect(server().requests).toHaveLength(0);
    },
  );

  it("accepts the spec's own request example", async () => {
    const result = await testClient(server().url).inviteUsers("c", requestExample("inviteUsers"));
    expect(result.success).toBe(true);
  });
});

// The check walks a body without building anything for the values that pass
// (src/validation.ts): a path is made only for a problem. A large body with
// problems scattered through it proves every path still comes out right, in
// order, however deep the walk was when it found the problem.
import { describe, expect, it } from "vitest";
import { ValidationError, type ValidationIssue } from "../src/errors.js";
import { assertValidInvite } from "../src/validation.js";

const INVITEES = 1000;

function issuesOf(conferenceId: unknown, body: unknown): ValidationIssue[] {
  try {
    assertValidInvite(conferenceId, body);
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.issues;
  }
}

const validInvitee = (index: number) => ({ unionId: `unionId${index}`, nick: `Invitee ${index}` });

describe("the request check on a 1,000-invitee body", () => {
  it("finds nothing in a valid body, emoji nicks included", () => {
    const body = {
      unionId: "operator",
      inviteeList: Array.from({ length: INVITEES }, (_, index) =>
        index % 2 ? validInvitee(index) : { nick: "😀".repeat(index % 5) },
      ),
      phoneInviteeList: [{ phoneNumber: "1xxxxxxxxxx", nick: "Phone", inviteClient: true }],
    };
    expect(issuesOf("😀", body)).toEqual([]);
  });

  it("lists every problem at its own path, in the order of the body", () => {
    const inviteeList: unknown[] = Array.from({ length: INVITEES }, (_, index) =>
      validInvitee(index),
    );
    const inviteeIssues: ValidationIssue[] = [];
    for (let index = 0; index < INVITEES; index += 97) {
      inviteeList[index] = { unionId: index, nickname: "Test user" };
      inviteeIssues.push(
        { path: `/inviteeList/${index}/nick`, message: "is required" },
        { path: `/inviteeList/${index}/nickname`, message: "is not a field of the spec" },
        { path: `/inviteeList/${index}/unionId`, message: "must be string" },
      );
    }
    inviteeList[INVITEES - 1] = "Test user";
    const body = { inviteeList, phoneInviteeList: [{ phoneNumber: 13800138000 }], "": 1 };

    expect(issuesOf("..", body)).toEqual([
      { path: "conferenceId", message: "is a value the spec rules out" },
      // The body's own fields are checked before what they hold; "" is a field name too.
      { path: "/", message: "is not a field of the spec" },
      ...inviteeIssues,
      { path: `/inviteeList/${INVITEES - 1}`, message: "must be object" },
      { path: "/phoneInviteeList/0/phoneNumber", message: "must be string" },
    ]);
  });

  it("gives the same answer when called again with the same body", () => {
    const body = { inviteeList: [validInvitee(0), { unionId: "u" }, validInvitee(2)] };
    const first = issuesOf("", body);
    expect(first).toEqual([
      { path: "conferenceId", message: "must have at least 1 characters" },
      { path: "/inviteeList/1/nick", message: "is required" },
    ]);
    expect(issuesOf("", body)).toEqual(first);
  });
});

import { DingTalkApiError } from "@dingtalk-conference/client";
import { expect } from "vitest";
import { expectedErrorClass } from "./expected-errors.js";

/**
 * Asserts the client threw the class its documentation promises for `code`
 * (exactly that class: every one of them is a DingTalkApiError), carrying the
 * status, code and request ID of the answer.
 */
export function expectDocumentedError(
  error: unknown,
  answer: { status?: number; code?: string; requestId?: string },
): void {
  expect(error).toBeInstanceOf(DingTalkApiError);
  if (answer.code !== undefined) {
    expect((error as object).constructor).toBe(expectedErrorClass(answer.code));
  }
  expect(error).toMatchObject(answer);
}

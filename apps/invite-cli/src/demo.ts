import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { InviteUsersRequest } from "@dingtalk-conference/client";
import { startMock } from "@dingtalk-conference/mock";
import {
  examplePathParams,
  loadSpec,
  operationsOf,
  requestExamplesOf,
  SpecDocumentError,
  specPath,
} from "@dingtalk-conference/spec/document";
import { inviteArgumentsFor } from "./invite-arguments.js";
import { main } from "./main.js";
import { shellCommand } from "./summary/shell-command.js";

/**
 * `pnpm demo`: starts the Prism mock of the spec, invites the spec's own request example
 * (operator, one user, one phone invitee) through the CLI, prints its summary, stops Prism.
 */

/** The command line of the spec's first inviteUsers request example, conferenceId included. */
function specExampleArguments(): string[] {
  const operation = operationsOf(loadSpec()).find((op) => op.operationId === "inviteUsers");
  if (!operation) throw new SpecDocumentError(`${specPath}: no inviteUsers operation`);
  const [example] = requestExamplesOf(operation);
  const { conferenceId } = examplePathParams(operation);
  if (!example || !conferenceId) {
    throw new SpecDocumentError(`${specPath}: inviteUsers has no request or conferenceId example`);
  }
  return inviteArgumentsFor(conferenceId, example.value as InviteUsersRequest);
}

const mock = await startMock();
const workDir = mkdtempSync(join(tmpdir(), "dingtalk-invite-demo-"));
try {
  const args = [
    ...specExampleArguments(),
    "--base-url",
    mock.url,
    "--journal",
    join(workDir, "demo.journal"),
  ];
  process.stdout.write(`Prism mock of spec/openapi.yaml at ${mock.url}\n`);
  process.stdout.write(
    `$ DINGTALK_ACCESS_TOKEN=… ${shellCommand(["dingtalk-invite", ...args])}\n\n`,
  );
  process.exitCode = await main(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Prism checks that a token is sent, not its value.
    env: { DINGTALK_ACCESS_TOKEN: "demo-access-token" },
    cwd: process.cwd(),
  });
} finally {
  await mock.stop();
  rmSync(workDir, { recursive: true, force: true });
}

// The dingtalk-invite CLI end to end against the Prism mock of the spec: the spec's
// example succeeds, and every error response the spec documents comes out as the
// documented exit code with a message a person can act on.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AuthenticationError,
  type InviteUsersRequest,
  PermissionDeniedError,
} from "@dingtalk-conference/client";
import { runCli } from "@dingtalk-conference/invite-cli/in-process";
import { inviteArgumentsFor } from "@dingtalk-conference/invite-cli/invite-arguments";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  allDocumentedResponses,
  type DocumentedResponse,
  describeResponse,
  preferHeader,
} from "../../src/documented-responses.js";
import { expectedErrorClass } from "../../src/expected-errors.js";
import { requestExamplesOf } from "../../src/request-examples.js";
import { operationById } from "../../src/spec.js";
import { contractTargets } from "../../src/targets-in-test.js";
import { type PreferProxy, startPreferProxy } from "./prefer-proxy.js";
import { runInviteCli } from "./run-invite-cli.js";

const { mock } = contractTargets();

/** The CLI arguments that send the spec's inviteUsers request example. */
function exampleArguments(): string[] {
  const [example] = requestExamplesOf(operationById("inviteUsers"));
  const conferenceId = example?.pathParams.conferenceId;
  if (!example || !conferenceId) throw new Error("inviteUsers has no request example");
  return inviteArgumentsFor(conferenceId, example.body as InviteUsersRequest);
}

/** The app credentials of the spec's getAccessToken request example. */
function exampleAppCredentials(): Record<string, string> {
  const [example] = requestExamplesOf(operationById("getAccessToken"));
  const { appKey, appSecret } = (example?.body ?? {}) as { appKey?: string; appSecret?: string };
  if (!appKey || !appSecret)
    throw new Error("getAccessToken's request example has no appKey/appSecret");
  return { DINGTALK_APP_KEY: appKey, DINGTALK_APP_SECRET: appSecret };
}

/** The access token of the spec's getAccessToken answer: what the mock hands the CLI. */
function exampleFetchedToken(): string {
  const answer = allDocumentedResponses.find(
    (r) => r.operation.operationId === "getAccessToken" && r.status === 200,
  );
  const { accessToken } = (answer?.example ?? {}) as { accessToken?: string };
  if (!accessToken) throw new Error("getAccessToken's 200 example has no accessToken");
  return accessToken;
}

/**
 * How the CLI must exit on an error answer, by the operation that answers it: an error
 * of inviteUsers fails the batch (exit 1), unless it refuses the token itself, which
 * stops the run as a configuration error (exit 2), as does an error of getAccessToken,
 * found before anything is sent. These are the operations the CLI calls; the spec's
 * others are none of its business, and the suite checks them through the client.
 */
const exitOnError: Readonly<Record<string, (response: DocumentedResponse) => 1 | 2>> = {
  inviteUsers: (response) => (refusesTheToken(response) ? 2 : 1),
  getAccessToken: () => 2,
};

/** Whether the response's DingTalk code says the access token itself is refused. */
function refusesTheToken(response: DocumentedResponse): boolean {
  const { code } = (response.example ?? {}) as { code?: string };
  if (!code) return false;
  const errorClass = expectedErrorClass(code);
  return errorClass === AuthenticationError || errorClass === PermissionDeniedError;
}

let proxy: PreferProxy;
let dir: string;
beforeAll(async () => {
  proxy = await startPreferProxy(mock.baseUrl);
});
afterAll(() => proxy.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "invite-cli-contract-"));
  proxy.prefer = undefined;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("dingtalk-invite against the Prism mock", () => {
  it("invites the spec's request example and exits 0, never printing the token", async () => {
    const run = await runInviteCli(
      [...exampleArguments(), "--base-url", mock.baseUrl, "--json", "--verbose"],
      {
        cwd: dir,
        env: { DINGTALK_ACCESS_TOKEN: mock.accessToken },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      invited: 2,
      failed: 0,
      ambiguous: 0,
      notSent: 0,
    });
    expect(run.stderr).toContain("access token: from DINGTALK_ACCESS_TOKEN");
    expect(run.stdout + run.stderr).not.toContain(mock.accessToken);
  });

  it("invites 200 people from a CSV in batches sent side by side, and exits 0", async () => {
    const rows = ["unionId,phoneNumber,nick"];
    for (let i = 0; i < 200; i++)
      rows.push(i % 2 ? `,1380000${String(i).padStart(4, "0")},Phone ${i}` : `u${i},,User ${i}`);
    writeFileSync(join(dir, "people.csv"), `${rows.join("\n")}\n`);
    const [conferenceId] = exampleArguments();
    const run = await runInviteCli(
      [
        conferenceId as string,
        "--csv",
        "people.csv",
        "--batch-size",
        "20",
        "--base-url",
        mock.baseUrl,
        "--json",
      ],
      {
        cwd: dir,
        env: { DINGTALK_ACCESS_TOKEN: mock.accessToken },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      invited: 200,
      failed: 0,
      batches: { planned: 10, sent: 10, succeeded: 10 },
    });
  });

  it("takes the token from an app's key and secret, printing neither the secret nor the token, also with --verbose", async () => {
    const credentials = exampleAppCredentials();
    const run = await runInviteCli(
      [...exampleArguments(), "--base-url", mock.baseUrl, "--verbose"],
      {
        cwd: dir,
        env: credentials,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("access token: fetched with DINGTALK_APP_KEY");
    const output = run.stdout + run.stderr;
    expect(output).not.toContain(credentials.DINGTALK_APP_SECRET);
    expect(output).not.toContain(exampleFetchedToken());
  });

  // The error answers of the operations the CLI calls; their successes are the runs
  // above, which the mock answers with the spec's success examples. These run the
  // CLI's main function in this process: what they check is what it decides.
  const cases = allDocumentedResponses.flatMap((response) => {
    const expectedExit = exitOnError[response.operation.operationId];
    return expectedExit && response.status >= 300
      ? [{ title: describeResponse(response), response, exit: expectedExit(response) }]
      : [];
  });

  it.each(cases)(
    "$title: the documented exit code and a readable message",
    async ({ response, exit }) => {
      const viaAppCredentials = response.operation.operationId === "getAccessToken";
      proxy.prefer = preferHeader(response);
      const run = await runCli([...exampleArguments(), "--base-url", proxy.url], {
        cwd: dir,
        env: viaAppCredentials
          ? exampleAppCredentials()
          : { DINGTALK_ACCESS_TOKEN: mock.accessToken },
      });
      const output = run.stdout + run.stderr;
      expect(run.code, output).toBe(exit);

      const { code, requestid } = (response.example ?? {}) as { code?: string; requestid?: string };
      if (code) expect(output).toContain(code);
      if (exit === 2) {
        expect(run.stderr).toContain(
          // getAccessToken's errors come before any batch; a token refused by inviteUsers after one.
          response.operation.operationId === "inviteUsers"
            ? "the access token was refused"
            : "nothing was sent",
        );
        return;
      }
      if (requestid) expect(run.stdout).toContain(requestid);
      // A 5xx may have rung the batch: the CLI must say so rather than offer a plain retry.
      expect(run.stdout).toContain(response.status >= 500 ? "--retry-ambiguous" : "--resume");
    },
  );
});

// What a real provider gets from a contract run, with the real token: a
// scripted provider keeps every request, for the committed spec plus
// DingTalk's "close a video conference", an operation the client has no method
// for and that must never reach a provider unless the spec marks it safe.
import { fileURLToPath } from "node:url";
import { loadSpec, operationsOf, parameterExamples } from "@dingtalk-conference/spec/document";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { driverFor } from "../src/client-drivers.js";
import { settle } from "../src/outcome.js";
import { providerChecks } from "../src/provider-checks.js";
import { requestsFor } from "../src/requests-for-target.js";
import { spec } from "../src/spec.js";
import type { ContractTarget } from "../src/targets.js";
import {
  type ScriptedProvider,
  startScriptedProvider,
  targetOf,
} from "./support/scripted-provider.js";

const closePathItem = loadSpec(
  fileURLToPath(new URL("../fixtures/close-video-conference.yaml", import.meta.url)),
) as Record<string, { delete: Record<string, unknown> }>;

/** The committed spec's operations plus the close operation, marked `x-contract-safe` or not. */
function operationsWithClose(contractSafe: boolean) {
  const paths = Object.fromEntries(
    Object.entries(closePathItem).map(([path, item]) => [
      path,
      { delete: { ...item.delete, "x-contract-safe": contractSafe } },
    ]),
  );
  const document = spec.document as { paths: Record<string, unknown> };
  return operationsOf({ ...document, paths: { ...document.paths, ...paths } });
}

let provider: ScriptedProvider;
let target: ContractTarget;
beforeAll(async () => {
  provider = await startScriptedProvider();
  target = targetOf(provider, { conferenceId: "the-providers-own-conference" });
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.received.length = 0;
});

/** Everything provider mode sends with the spec's examples: the documented requests, then the checks. */
async function providerRun(operations: ReturnType<typeof operationsWithClose>) {
  for (const { operation, request } of requestsFor(target, operations)) {
    await settle(driverFor(operation).call(target, fetch, request));
  }
  for (const check of providerChecks) await check.run(target);
  return provider.received;
}

const invitePath = "/v1.0/conference/videoConferences/the-providers-own-conference/users/invite";

describe("a provider, during a contract run", () => {
  it("gets invitations of no one, a token request, and no operation the spec leaves unmarked", async () => {
    const received = await providerRun(operationsWithClose(false));

    expect(received.map(({ method, url }) => `${method} ${url}`).sort()).toEqual(
      ["POST /v1.0/oauth2/accessToken", ...providerChecks.map(() => `POST ${invitePath}`)].sort(),
    );
    for (const invite of received.filter(({ url }) => url === invitePath)) {
      const { inviteeList = [], phoneInviteeList = [] } = JSON.parse(invite.body);
      expect([...inviteeList, ...phoneInviteeList], "an invitation rang someone").toEqual([]);
    }
  });

  it("gets an operation without a client method once the spec marks it x-contract-safe, on its own conference", async () => {
    const operations = operationsWithClose(true);
    const close = operations.find((operation) => operation.method === "delete");
    if (!close) throw new Error("the fixture has no DELETE");
    const query = new URLSearchParams(parameterExamples(close, "query") as Record<string, string>);

    const received = await providerRun(operations);

    expect(received.filter(({ method }) => method === "DELETE")).toEqual([
      {
        method: "DELETE",
        url: `/v1.0/conference/videoConferences/the-providers-own-conference?${query}`,
        token: provider.validToken,
        body: "",
      },
    ]);
  });
});

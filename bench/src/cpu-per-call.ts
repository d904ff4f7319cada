import assert from "node:assert/strict";
import { createConferenceClient, type paths } from "@dingtalk-conference/client";
import createClient from "openapi-fetch";
import type { Scale } from "./args.js";
import { accessToken, conferenceId, withLoopbackServer } from "./loopback.js";
import { baselineRow, formatMs, formatRatio, type ResultRow, verdict } from "./report.js";
import { timeInRounds } from "./timing.js";

const invitePath =
  "/v1.0/conference/videoConferences/{conferenceId}/users/invite" satisfies keyof paths;
const body = { inviteeList: [{ unionId: "benchUnionId0", nick: "Invitee 0" }] };
/** DingTalk's limit per app per API: the most calls a second one caller makes. */
const callsPerSecond = 20;
const maxRatio = 1.15;
const measure = "CPU per call, sequential, loopback";
const openapiFetch = "openapi-fetch alone, same fetch";
const inviteUsers = "client.inviteUsers";

/** This process's CPU time (every thread, garbage collection included), ms: tinybench's clock here. */
function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU per call on the global fetch: openapi-fetch alone (what `client.raw` is built on, without
 * the client's token middleware) sends the request `inviteUsers` sends, token header included;
 * `inviteUsers` adds the client's validation, time limits and error mapping.
 */
export async function measureCpuPerCall(scale: Scale): Promise<ResultRow[]> {
  return withLoopbackServer(async (server) => {
    const client = createConferenceClient({ accessToken, baseUrl: server.url });
    const bare = createClient<paths>({ baseUrl: server.url });
    const headers = { "x-acs-dingtalk-access-token": accessToken };
    const request = { params: { path: { conferenceId } }, body, headers };
    const subjects = {
      [openapiFetch]: async () => assert((await bare.POST(invitePath, request)).data?.success),
      [inviteUsers]: async () => assert((await client.inviteUsers(conferenceId, body)).success),
    };
    const options = { iterations: scale.calls, warmupIterations: scale.calls / 10, now: cpuClock };
    const cpuMs = await timeInRounds(subjects, scale.rounds, options);
    const [baseMs, clientMs] = cpuMs as [number, number];
    const describe = (ms: number) =>
      `${formatMs(ms)} · ${((ms * callsPerSecond) / 10).toFixed(2)} % of one core at ${callsPerSecond} calls/s`;
    const ratio = clientMs / baseMs;
    return [
      baselineRow(measure, openapiFetch, describe(baseMs)),
      {
        measure,
        subject: inviteUsers,
        measured: describe(clientMs),
        ratio: formatRatio(ratio),
        against: openapiFetch,
        goal: verdict(`≤ ${formatRatio(maxRatio)} openapi-fetch alone`, ratio <= maxRatio),
      },
    ];
  });
}

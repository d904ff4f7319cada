import { createConferenceClient, type paths } from "@dingtalk-conference/client";
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
const raw = "client.raw (openapi-fetch alone)";
const inviteUsers = "client.inviteUsers";

/** This process's CPU time (every thread, garbage collection included), ms: tinybench's clock here. */
function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function check(answer: { success?: boolean } | undefined): void {
  if (answer?.success !== true) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
}

/**
 * CPU per call of one client through one fetch: `client.raw` is openapi-fetch
 * alone (the baseline); `inviteUsers` adds the client's validation, time
 * limits and error mapping. The server runs in a process of its own.
 */
export async function measureCpuPerCall(scale: Scale): Promise<ResultRow[]> {
  return withLoopbackServer(async (server) => {
    const client = createConferenceClient({ accessToken, baseUrl: server.url });
    const params = { path: { conferenceId } };
    const subjects = {
      [raw]: async () => check((await client.raw.POST(invitePath, { params, body })).data),
      [inviteUsers]: async () => check(await client.inviteUsers(conferenceId, body)),
    };
    const options = { iterations: scale.calls, warmupIterations: scale.calls / 10, now: cpuClock };
    const cpuMs = await timeInRounds(subjects, scale.rounds, options, (latency) => latency.mean);
    const [rawMs, clientMs] = [cpuMs.get(raw), cpuMs.get(inviteUsers)] as [number, number];
    const describe = (ms: number) =>
      `${formatMs(ms)} · ${((ms * callsPerSecond) / 10).toFixed(2)} % of one core at ${callsPerSecond} calls/s`;
    return [
      baselineRow(measure, raw, describe(rawMs)),
      {
        measure,
        subject: inviteUsers,
        measured: describe(clientMs),
        ratio: formatRatio(clientMs / rawMs),
        against: raw,
        goal: verdict(`≤ ${maxRatio}× client.raw`, clientMs / rawMs <= maxRatio),
      },
    ];
  });
}

import { createConferenceClient, type InviteUsersRequest } from "@dingtalk-conference/client";
import type { BenchConfig } from "../config.js";
import { measureCalls, type Subject } from "../harness.js";
import {
  accessToken,
  assertSuccess,
  conferenceId,
  inviteBody,
  invitePath,
} from "../invite-call.js";
import { formatMs, type ResultRow } from "../report.js";

/**
 * A fetch that answers at once from memory: with no I/O in the way, what is left
 * of a call is the client's own CPU time.
 */
const inMemoryFetch = (async () =>
  new Response('{"success":true}', {
    status: 200,
    headers: { "content-type": "application/json" },
  })) as typeof fetch;

/** The same client twice: inviteUsers (validates first) and raw.POST (the openapi-fetch call alone). */
function validatingAndNot(
  body: InviteUsersRequest,
  baseUrl: string,
  fetchImpl?: typeof fetch,
): [Subject, Subject] {
  const where = fetchImpl ? "in-memory fetch" : "loopback";
  const client = createConferenceClient({
    accessToken,
    baseUrl,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const invitees = body.inviteeList?.length ?? 0;
  return [
    {
      name: `raw.POST, ${invitees} invitees, ${where}`,
      call: async () => {
        const { data } = await client.raw.POST(invitePath, {
          params: { path: { conferenceId } },
          body,
        });
        assertSuccess("client.raw.POST", data);
      },
    },
    {
      name: `inviteUsers, ${invitees} invitees, ${where}`,
      call: async () =>
        assertSuccess("client.inviteUsers", await client.inviteUsers(conferenceId, body)),
    },
  ];
}

/**
 * What validating a large body costs. On an in-memory fetch, inviteUsers minus
 * raw.POST is the client's extra work per call (validation, timeout signal,
 * error mapping); the same difference for one invitee is that work's constant
 * part, so the growth between the two is the validation of the invitees. Its
 * share is taken of a real loopback inviteUsers call with the same body.
 */
export async function measureValidation(
  config: BenchConfig,
  baseUrl: string,
): Promise<ResultRow[]> {
  const large = config.validationInvitees;
  const [rawLarge, clientLarge] = validatingAndNot(
    inviteBody(large),
    "http://in-memory.invalid",
    inMemoryFetch,
  );
  const [rawOne, clientOne] = validatingAndNot(
    inviteBody(1),
    "http://in-memory.invalid",
    inMemoryFetch,
  );
  const [, loopbackLarge] = validatingAndNot(inviteBody(large), baseUrl);
  const stats = await measureCalls(
    [rawLarge, clientLarge, rawOne, clientOne, loopbackLarge],
    config.sequential,
  );
  const medianOf = (subject: Subject) => stats.get(subject.name)?.medianMs as number;

  const extraLarge = medianOf(clientLarge) - medianOf(rawLarge);
  const extraOne = medianOf(clientOne) - medianOf(rawOne);
  const validation = Math.max(0, extraLarge - extraOne);
  const loopbackCall = medianOf(loopbackLarge);
  const measure = `validation, ${large.toLocaleString("en-US")}-invitee body`;
  return [
    {
      measure,
      subject: "client.raw.POST, in-memory fetch (no validation)",
      measured: `median ${formatMs(medianOf(rawLarge))}`,
      ratio: "1.00×",
      against: "itself (baseline)",
    },
    {
      measure,
      subject: "client.inviteUsers, in-memory fetch",
      measured: `median ${formatMs(medianOf(clientLarge))} · +${formatMs(extraLarge)} per call (1 invitee: +${formatMs(extraOne)})`,
      ratio: `${(medianOf(clientLarge) / medianOf(rawLarge)).toFixed(2)}×`,
      against: "client.raw.POST, in-memory fetch (no validation)",
    },
    {
      measure: "client CPU per call, 1 invitee",
      subject: "client.inviteUsers, in-memory fetch",
      measured: `median ${formatMs(medianOf(clientOne))} (raw.POST: ${formatMs(medianOf(rawOne))})`,
      ratio: `${(medianOf(clientOne) / medianOf(rawOne)).toFixed(2)}×`,
      against: "client.raw.POST, in-memory fetch",
    },
    {
      measure,
      subject: "validation alone, share of a loopback inviteUsers call",
      measured: `${formatMs(validation)} of ${formatMs(loopbackCall)} per call`,
      ratio: `${((validation / loopbackCall) * 100).toFixed(1)} %`,
      against: "client.inviteUsers on loopback, same body",
    },
  ];
}

// The checks every runtime runs, on the client as that runtime loaded it
// (import, require or a bundle) and on a case the runner read from the spec.
// Plain JavaScript with web-standard APIs only, so every runtime runs this one
// file as it is.

/** Each check's name, in the order of the README's table. */
export const checkNames = [
  "request example",
  "missing nick",
  "unknownUserError",
  "aborted signal",
  "aborted mid-flight",
];

/**
 * @param {Record<string, any>} client the module namespace of @dingtalk-conference/client
 * @param {import("../src/case.js").EcosystemCase} testCase
 * @returns {Promise<Array<{ check: string, ok: boolean, detail: string }>>}
 */
export async function runChecks(client, testCase) {
  const checks = {
    "request example": () => requestExample(client, testCase),
    "missing nick": () => missingNick(client, testCase),
    unknownUserError: () => unknownUser(client, testCase),
    "aborted signal": () => abortedSignal(client, testCase),
    "aborted mid-flight": () => abortedMidFlight(client, testCase),
  };
  const results = [];
  for (const check of checkNames) {
    try {
      results.push({ check, ok: true, detail: await checks[check]() });
    } catch (error) {
      results.push({ check, ok: false, detail: describe(error) });
    }
  }
  return results;
}

/**
 * A client on the case's mock whose fetch counts calls, adds `headers` to each
 * request and calls `sent` once the request is in the runtime's fetch.
 */
function clientFor(client, testCase, { headers = {}, sent = () => {} } = {}) {
  const counted = { calls: 0 };
  const fetch = (input, init) => {
    counted.calls += 1;
    const request = new Request(input, init);
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
    const response = globalThis.fetch(request);
    sent();
    return response;
  };
  const conference = client.createConferenceClient({
    accessToken: testCase.accessToken,
    baseUrl: testCase.baseUrl,
    fetch,
    maxRetries: 0,
  });
  return { conference, counted };
}

async function requestExample(client, testCase) {
  const { conference } = clientFor(client, testCase);
  const answer = await conference.inviteUsers(testCase.conferenceId, testCase.body);
  if (answer.success !== true) throw new Error(`answered ${JSON.stringify(answer)}`);
  return "success: true";
}

async function missingNick(client, testCase) {
  const { conference, counted } = clientFor(client, testCase);
  const { body, issuePath } = testCase.missingNick;
  const error = await rejection(conference.inviteUsers(testCase.conferenceId, body));
  if (!(error instanceof client.ValidationError)) throw unexpected("a ValidationError", error);
  if (!error.issues.some((issue) => issue.path === issuePath)) {
    throw new Error(`no issue at ${issuePath}: ${JSON.stringify(error.issues)}`);
  }
  if (counted.calls !== 0) throw new Error(`fetch was called ${counted.calls} time(s)`);
  return `ValidationError at ${issuePath}, nothing sent`;
}

async function unknownUser(client, testCase) {
  const { prefer, errorClass, requestId } = testCase.unknownUser;
  const { conference } = clientFor(client, testCase, { headers: { prefer } });
  const error = await rejection(conference.inviteUsers(testCase.conferenceId, testCase.body));
  if (!(error instanceof client[errorClass])) throw unexpected(`an ${errorClass}`, error);
  if (error.requestId !== requestId) {
    throw new Error(`requestId ${JSON.stringify(error.requestId)}, not ${requestId}`);
  }
  return `${errorClass}, requestId ${requestId}`;
}

async function abortedSignal(client, testCase) {
  const { conference } = clientFor(client, testCase);
  const signal = AbortSignal.abort();
  const error = await rejection(
    conference.inviteUsers(testCase.conferenceId, testCase.body, { signal }),
  );
  // By name: a DOMException may come from another realm (a VM context, a worker).
  if (error?.name !== "AbortError") throw unexpected("an AbortError", error);
  return "AbortError";
}

/**
 * A live signal, aborted once the request is in the runtime's fetch: the mock
 * cannot be asked to answer late, so the abort comes before any answer can.
 */
async function abortedMidFlight(client, testCase) {
  const controller = new AbortController();
  const { conference, counted } = clientFor(client, testCase, { sent: () => controller.abort() });
  const error = await rejection(
    conference.inviteUsers(testCase.conferenceId, testCase.body, { signal: controller.signal }),
  );
  if (error?.name !== "AbortError") throw unexpected("an AbortError", error);
  if (counted.calls !== 1) throw new Error(`fetch was called ${counted.calls} time(s), not once`);
  return "AbortError, aborted once fetch had the request";
}

/** The reason a promise rejects with; fails when it resolves. */
async function rejection(promise) {
  let value;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`resolved with ${JSON.stringify(value)}`);
}

function unexpected(wanted, error) {
  return new Error(`wanted ${wanted}, got ${describe(error)}`);
}

function describe(error) {
  if (error instanceof Error || error?.name) return `${error.name}: ${error.message}`;
  return String(error);
}

/** For runtimes that answer requests (edge functions, workers): the case in, the results out. */
export async function answerChecks(client, request) {
  return Response.json(await runChecks(client, await request.json()));
}

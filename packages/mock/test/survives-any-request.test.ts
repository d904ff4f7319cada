// Any body, valid or not, in any script: the mock answers each as DingTalk
// would, and keeps answering. The failure this guards against is no answer at
// all (a hang, or a crashed process), so each answer has a limit no loaded
// machine reaches rather than a tight one. That each comes within 1 s is
// measured, not asserted: the slowest answer is printed, since a timed
// assertion would fail whenever the machine is busy. Requests go over
// node:http with one kept-alive connection because fetch costs several times
// the CPU per call, and a thousand calls are the point here.
import { Agent, request } from "node:http";
import fc from "fast-check";
import { afterAll, describe, expect, inject, it } from "vitest";
import { inviteBody, inviteExample, invitePath } from "./invite-request.js";

const mockUrl = new URL(invitePath, inject("mockUrl"));
const ANSWER_LIMIT_MS = 10_000;
/** The same thousand bodies on every run; MOCK_FUZZ_SEED tries others, or replays a failure. */
const seed = Number(process.env.MOCK_FUZZ_SEED ?? 20_261_128);
/**
 * Bodies that once took the mock down, sent first. Prism logs each request's body,
 * and its CLI ran every log line through jsonrepair, which made this valid JSON
 * into a record that crashed it (patches/@stoplight__prism-cli@5.14.2.patch).
 */
const onceFatal = [
  JSON.stringify({
    k: [null, "}>D\\@bRp[["],
    "sjS}[QN?Js": { v: -1.4937498661513914e-242 },
  }),
];
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

interface Answer {
  status: number;
  body: string;
  violations: string | undefined;
}

function post(body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(mockUrl, {
      agent,
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-acs-dingtalk-access-token": "any-token",
        "content-length": Buffer.byteLength(body),
      },
      signal: AbortSignal.timeout(ANSWER_LIMIT_MS),
    });
    call.once("response", (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.once("end", () =>
        resolve({
          status: answer.statusCode ?? 0,
          body: Buffer.concat(chunks).toString(),
          violations: answer.headers["sl-violations"] as string | undefined,
        }),
      );
      answer.once("error", reject);
    });
    call.once("error", reject);
    call.end(body);
  });
}

const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Characters from scripts a DingTalk user writes in, emoji with joiners, and JSON's own. */
const anyScriptChar = fc.constantFrom(..."会议名字ユ한éß", "😀", "👩‍💻", "🇨🇳", ...'a_ {}[]":,\\');
const anyScriptKey = fc.string({ unit: anyScriptChar, minLength: 1 });
// Small bodies: what is tried is every kind of body, not Prism's speed on big ones.
const size = "xsmall";
const bodies = fc.oneof(
  // Text of any kind, JSON or not; "binary" would cost seconds to set up (a map of every code point).
  fc.string({ size }),
  fc.string({ unit: anyScriptChar, size }),
  fc.json({ depthSize: size, maxDepth: 2 }),
  fc
    .dictionary(anyScriptKey, fc.jsonValue({ depthSize: size, maxDepth: 2 }), { size })
    .map((o) => JSON.stringify(o)),
  // Near the schema, so some are valid and others break it deep inside.
  fc
    .record({
      unionId: fc.string({ size }),
      inviteeList: fc.array(
        fc.dictionary(fc.oneof(fc.constant("nick"), anyScriptKey), fc.string({ size }), { size }),
        { size },
      ),
    })
    .map((o) => JSON.stringify(o)),
);

describe("the mock, sent any body", () => {
  it("answers each of 1,000, as DingTalk would", async () => {
    // Prism compiles its validators on the first request: that one is not what is measured.
    expect((await post(inviteBody)).status).toBe(200);
    let slowestMs = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const started = performance.now();
        const answer = await post(body);
        slowestMs = Math.max(slowestMs, performance.now() - started);
        if (answer.status === 200) {
          expect(JSON.parse(answer.body)).toEqual(inviteExample(200, "success"));
          return;
        }
        expect(answer.status).toBe(400);
        // Prism says what is wrong (a JSON list, cut short past 8 kB); the body is DingTalk's envelope.
        expect(answer.violations).toMatch(/^(\[\{"location":|Too many violations! )/);
        const envelope = JSON.parse(answer.body);
        expect(envelope).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (!isJson(body)) expect(envelope).toEqual(inviteExample(400, "paramsError"));
      }),
      // No shrinking: it would send thousands more bodies to report a smaller one.
      { numRuns: 1_000, endOnFailure: true, seed, examples: onceFatal.map((body) => [body]) },
    );
    console.info(
      `[mock] 1,000 bodies answered; the slowest in ${Math.round(slowestMs)} ms (to be within 1 s: measured, not asserted)`,
    );
    // A thousand calls through Prism: seconds on a busy machine.
  }, 300_000);

  it("still answers the spec's own request afterwards", async () => {
    const answer = await post(inviteBody);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual(inviteExample(200, "success"));
  });
});

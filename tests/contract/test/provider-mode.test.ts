// Provider mode end to end, as `CONTRACT_*=… pnpm test` runs it: the suite's
// provider file in a vitest of its own, reading the variables, putting Prism's
// validating proxy in front of the provider and probing the provider itself.
// The provider is a loopback one that answers a bad token with 401, which must
// fail the run with a message naming the 401. One run: it starts two Prisms.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  conformingScript,
  documentedAnswer,
  type ScriptedProvider,
  startScriptedProvider,
} from "./support/scripted-provider.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const vitestBin = join(
  dirname(createRequire(import.meta.url).resolve("vitest/package.json")),
  "vitest.mjs",
);

let provider: ScriptedProvider;
beforeAll(async () => {
  provider = await startScriptedProvider();
  provider.script = {
    ...conformingScript,
    unknownToken: { ...documentedAnswer(400, "InvalidAuthentication"), status: 401 },
  };
});
afterAll(() => provider.close());

/** `vitest run <file>` in this package with the provider variables set; resolves however it ends. */
function runSuite(file: string, env: Record<string, string>) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [vitestBin, "run", file],
      {
        cwd: packageDir,
        env: { ...process.env, ...env, NO_COLOR: "1" },
        maxBuffer: 16 << 20,
        // Ends a hung run (and the Prisms it started) before this test's own limit does.
        timeout: 170_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, output: stdout + stderr });
      },
    );
  });
}

describe("CONTRACT_* pointing at a provider", () => {
  it("fails the run on a provider that answers a bad token with 401, naming the 401", async () => {
    const conferenceId = "provider-mode-conference";
    const run = await runSuite("test/provider-checks.test.ts", {
      CONTRACT_BASE_URL: provider.url,
      CONTRACT_ACCESS_TOKEN: provider.validToken,
      CONTRACT_CONFERENCE_ID: conferenceId,
    });

    expect(run.code, run.output).not.toBe(0);
    expect(run.output).toContain(
      "a request with an invalid token was answered 401, where the spec documents 400",
    );
    // The variables reached the provider: the proxy forwarded the real token to the
    // conference, and the probes went to the provider with no token and a bad one.
    const invitePath = `/v1.0/conference/videoConferences/${conferenceId}/users/invite`;
    const tokens = provider.received
      .filter((request) => request.url === invitePath)
      .map((request) => request.token);
    expect(tokens).toEqual(
      expect.arrayContaining([provider.validToken, undefined, expect.any(String)]),
    );
    expect(new Set(tokens).size).toBe(3);
  }, 180_000);
});

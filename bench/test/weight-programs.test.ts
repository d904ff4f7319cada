import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleProgram } from "../src/bundle.js";
import { programPath, weightPrograms } from "../src/sections/weight.js";
import { type LoopbackServer, startLoopbackServer } from "../src/server/loopback-server.js";

let server: LoopbackServer;
const dir = mkdtempSync(join(tmpdir(), "bench-weight-"));
beforeAll(async () => {
  server = await startLoopbackServer({ countInvitees: true });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

// A bundle that does not work would make any size comparison meaningless:
// each one, as measured, must really invite one user.
describe.each(Object.values(weightPrograms))("the $label program, bundled", ({ file }) => {
  it("invites one user against the loopback server", { timeout: 30_000 }, async () => {
    const bundle = await bundleProgram(programPath(file));
    expect(bundle.gzip).toBeLessThan(bundle.minified);
    expect(bundle.brotli).toBeLessThan(bundle.minified);
    const bundled = join(dir, file.replace(/\.ts$/, ".mjs"));
    writeFileSync(bundled, bundle.code);
    server.reset();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [bundled, "conf0001", "union0001", "Test user"],
      {
        env: { ...process.env, DINGTALK_BASE_URL: server.url, DINGTALK_ACCESS_TOKEN: "token" },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ success: true });
    expect(server.stats()).toMatchObject({ requests: 1, invitees: 1 });
  });
});

describe("bundleProgram", () => {
  it("attributes the bundle's bytes to the packages they come from", async () => {
    const bundle = await bundleProgram(programPath(weightPrograms.client.file));
    const owners = bundle.byPackage.map(([name]) => name);
    expect(owners).toEqual(
      expect.arrayContaining([
        "@dingtalk-conference/client",
        "openapi-fetch",
        "@dingtalk-conference/bench",
      ]),
    );
    const attributed = bundle.byPackage.reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(attributed).toBeGreaterThan(0);
    expect(attributed).toBeLessThanOrEqual(bundle.minified);
  });
});

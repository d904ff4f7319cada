import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import sizeLimit from "size-limit";
import { baselineRow, formatBytes, type ResultRow, timesSmaller, verdict } from "./report.js";

const clientDir = new URL("../node_modules/@dingtalk-conference/client/", import.meta.url);
/** The check in the client's size-limit config that the goal names. */
const checkName = "invite one user";
const vendorProgram = join(import.meta.dirname, "../programs/invite-vendor-sdk.cjs");
const minimumShrink = 100;
const measure = "invite-one-user bundle, min+gzip";

type SizeCheck = { name: string; size: number; sizeLimit: number; passed: boolean };

/** The client's own `size-limit --json`, in its package: its config, its limit. */
async function clientCheck(): Promise<SizeCheck> {
  const run = promisify(execFile)("pnpm", ["exec", "size-limit", "--json"], { cwd: clientDir });
  const { stdout } = await run.catch((error: { stdout?: string }) => {
    // Over its limit, size-limit exits 1 with the same JSON.
    if (!error.stdout?.startsWith("[")) throw error;
    return { stdout: error.stdout };
  });
  const check = (JSON.parse(stdout) as SizeCheck[]).find(({ name }) => name === checkName);
  if (!check) throw new Error(`${clientDir.pathname}.size-limit.json has no check "${checkName}"`);
  return check;
}

/**
 * The vendor's program through the same size-limit plugins (esbuild, minified, gzip), for
 * Node: bundled for a browser, the SDK's require of `http`, `crypto` and other builtins fails.
 */
async function vendorSize(): Promise<number> {
  const plugins = await Promise.all(
    ["@size-limit/esbuild", "@size-limit/file"].map(async (name) => (await import(name)).default),
  );
  const modifyEsbuildConfig = (config: object) => ({ ...config, platform: "node" });
  const check = { files: [vendorProgram], gzip: true, modifyEsbuildConfig };
  const [result] = (await sizeLimit(plugins, { checks: [check] })) as [{ size: number }];
  return result.size;
}

/** The client's invite-one-user bundle against the vendor SDK's documented import. */
export async function measureSize(): Promise<ResultRow[]> {
  const [client, vendor] = await Promise.all([clientCheck(), vendorSize()]);
  const vendorSubject = "vendor SDK, documented import";
  const met = client.passed && vendor / client.size >= minimumShrink;
  return [
    baselineRow(measure, vendorSubject, formatBytes(vendor)),
    {
      measure,
      subject: `@dingtalk-conference/client, openapi-fetch included (size-limit "${checkName}")`,
      measured: formatBytes(client.size),
      ratio: timesSmaller(client.size, vendor),
      against: vendorSubject,
      goal: verdict(`≤ ${formatBytes(client.sizeLimit)} and ≥ ${minimumShrink}× smaller`, met),
    },
  ];
}

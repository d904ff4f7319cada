// Copies a consumer project into the scratch folder and installs the client
// into it by name, with the package manager of its runtime, from the loopback
// registry (a scoped registry line in the project's .npmrc).
import { execFile } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scope } from "./registry.js";
import { bunBin, denoBin } from "./runtimes.js";

const exec = promisify(execFile);
const ecosystemRoot = fileURLToPath(new URL("..", import.meta.url));

/** The command that adds a package by name, per package manager. */
const adders = {
  npm: (name) => ["npm", ["install", "--no-audit", "--no-fund", name]],
  // Deno refuses a version younger than a day unless told otherwise: ours is seconds old.
  deno: (name) => [denoBin, ["add", "--minimum-dependency-age=0", `npm:${name}`]],
  bun: (name) => [bunBin, ["add", name]],
};

/**
 * @param {{ consumer: string, installer: keyof typeof adders, consumers: string,
 *   npmrc: string, version: string }} options
 * @returns {Promise<{ dir: string, log: string }>} the installed project, and the installer's last line
 */
export async function installConsumer({ consumer, installer, consumers, npmrc, version }) {
  const dir = join(consumers, consumer);
  cpSync(join(ecosystemRoot, consumer), dir, { recursive: true });
  writeFileSync(join(dir, ".npmrc"), npmrc);
  const [command, args] = adders[installer](`${scope}/client@${version}`);
  const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
  const { stdout, stderr } = await exec(command, args, { cwd: dir, env });
  const manifest = join(dir, "node_modules", scope, "client", "package.json");
  const installed = JSON.parse(readFileSync(manifest, "utf8")).version;
  if (installed !== version) throw new Error(`${consumer} got client ${installed}, not ${version}`);
  const lines = `${stdout}\n${stderr}`.split("\n").filter((line) => line.trim() !== "");
  const summary = lines.findLast((line) => line.includes(scope)) ?? lines.at(-1);
  return { dir, log: `${[command.split("/").at(-1), ...args].join(" ")} → ${summary}` };
}

// Each row of the README's table: the consumer project it runs (a folder
// beside src/), the package manager that installs the client into it, and how
// the runtime runs it. Whether a runtime can start here is its probe's answer
// alone, given before any consumer runs and with nothing of the client in it:
// a probe that throws RuntimeUnavailableError makes its row `not run`, with the
// reason. Once a runtime has started, every failure is the client's.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EdgeRuntime } from "edge-runtime";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { checkNames } from "../shared/checks.mjs";
import { inWorkerd, workerdUnavailable } from "./workerd.js";

const exec = promisify(execFile);
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
export const denoBin = bin("deno");
export const bunBin = bin("bun");
const tscPath = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const chromiumPath = "/usr/bin/chromium";

/** The runtime itself cannot start on this machine; no check ran. */
export class RuntimeUnavailableError extends Error {
  name = "RuntimeUnavailableError";
}

/**
 * @typedef {{ check: string, ok: boolean, detail: string }} CheckResult
 * @typedef {object} Runtime
 * @property {string} name as the table shows it
 * @property {string} consumer the consumer project's folder
 * @property {"npm" | "deno" | "bun"} installer the package manager that installs the client
 * @property {() => Promise<void>} [probe] throws RuntimeUnavailableError when the runtime cannot start here
 * @property {(dir: string, testCase: import("./case.js").EcosystemCase) => Promise<CheckResult[]>} run
 */

/** @type {Runtime[]} */
export const runtimes = [
  {
    name: "Node ESM (`import`)",
    consumer: "node-esm",
    installer: "npm",
    run: (dir, testCase) => printedResults(process.execPath, ["main.js"], dir, testCase),
  },
  {
    name: "Node CommonJS (`require`)",
    consumer: "node-cjs",
    installer: "npm",
    run: (dir, testCase) => printedResults(process.execPath, ["main.js"], dir, testCase),
  },
  {
    name: "TypeScript (types only), `moduleResolution: node16`, strict",
    consumer: "typescript",
    installer: "npm",
    run: (dir) => typeCheck(dir, "tsconfig.node16.json"),
  },
  {
    name: "TypeScript (types only), `moduleResolution: bundler`, strict",
    consumer: "typescript",
    installer: "npm",
    run: (dir) => typeCheck(dir, "tsconfig.bundler.json"),
  },
  {
    name: "Deno 2",
    consumer: "deno",
    installer: "deno",
    probe: () => version(denoBin),
    run: (dir, testCase) => {
      const permissions = ["--allow-net=127.0.0.1", "--allow-env=ECOSYSTEM_CASE"];
      return printedResults(denoBin, ["run", ...permissions, "main.ts"], dir, testCase);
    },
  },
  {
    name: "Bun",
    consumer: "bun",
    installer: "bun",
    probe: () => version(bunBin),
    run: (dir, testCase) => printedResults(bunBin, ["main.ts"], dir, testCase),
  },
  {
    name: "Vercel edge-runtime",
    consumer: "edge-runtime",
    installer: "npm",
    run: async (dir, testCase) => {
      const initialCode = await bundle(dir, "main.js", "iife", ["edge-light", "worker", "browser"]);
      const runtime = new EdgeRuntime({ initialCode });
      return answered(await runtime.dispatchFetch("http://edge.test/", post(testCase)));
    },
  },
  {
    name: "Cloudflare workerd (miniflare)",
    consumer: "workerd",
    installer: "npm",
    probe: async () => {
      const reason = await workerdUnavailable();
      if (reason !== undefined) throw new RuntimeUnavailableError(reason);
    },
    run: async (dir, testCase) => {
      const script = await bundle(dir, "worker.js", "esm", ["workerd", "worker", "browser"]);
      return inWorkerd(script, post(testCase), answered);
    },
  },
  {
    name: "Chromium (Debian's, via playwright-core)",
    consumer: "browser",
    installer: "npm",
    probe: () => version(chromiumPath),
    run: (dir, testCase) => inBrowser(dir, testCase),
  },
];

/** A consumer that prints its results as one JSON line, given the case in ECOSYSTEM_CASE. */
async function printedResults(command, args, cwd, testCase) {
  const env = { ...process.env, ECOSYSTEM_CASE: JSON.stringify(testCase), NO_COLOR: "1" };
  const { stdout } = await exec(command, args, { cwd, env });
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "");
}

/** Fails with RuntimeUnavailableError when the binary does not run on this machine. */
async function version(command) {
  try {
    await exec(command, ["--version"]);
  } catch (error) {
    throw new RuntimeUnavailableError(`${command} --version failed: ${error.message}`);
  }
}

/** The consumer's entry and the client it installed, bundled as the runtime's bundler would. */
async function bundle(dir, entry, format, conditions) {
  const result = await build({
    absWorkingDir: dir,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format,
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions,
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

function post(testCase) {
  return { method: "POST", body: JSON.stringify(testCase) };
}

async function answered(response) {
  if (!response.ok) throw new Error(`the handler answered ${response.status}`);
  return response.json();
}

/**
 * One file per check (`missing nick` → missing-nick.ts), type-checked by tsc
 * as the consumer's project would be. A check passes when neither its file nor
 * anything the files share (the config, the client's types) has an error; the
 * missing nick passes only while its @ts-expect-error is needed.
 */
async function typeCheck(dir, tsconfig) {
  const errors = await exec(process.execPath, [tscPath, "-p", tsconfig, "--pretty", "false"], {
    cwd: dir,
  }).then(
    () => [],
    (error) => tscErrors(error.stdout),
  );
  const files = new Map(checkNames.map((check) => [check, `${kebabCase(check)}.ts`]));
  const checkFiles = new Set(files.values());
  return [...files].map(([check, file]) => {
    const own = errors.filter((error) => error.file === file || !checkFiles.has(error.file));
    const detail = own.map((error) => error.text).join("; ") || `${file} compiles`;
    return { check, ok: own.length === 0, detail };
  });
}

/** tsc's `--pretty false` report: `file(line,col): error TS…`, continued on indented lines. */
function tscErrors(output) {
  const errors = [];
  for (const line of output.split("\n")) {
    const located = /^(.+?)\((\d+),\d+\): (error .*)$/.exec(line);
    if (located)
      errors.push({ file: located[1], text: `${located[1]}:${located[2]}: ${located[3]}` });
    else if (/^\s/.test(line) && errors.length > 0) errors.at(-1).text += ` ${line.trim()}`;
    else if (line.trim() !== "") errors.push({ file: undefined, text: line.trim() });
  }
  return errors;
}

function kebabCase(name) {
  return name
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .replaceAll(" ", "-")
    .toLowerCase();
}

/**
 * The spec's example as `spec-example.ts` in the installed TypeScript
 * project `dir`, the module its check files import, so they hold no copy.
 */
export function writeSpecExample(dir, testCase) {
  const source = [
    "// Written by the ecosystem run from spec/openapi.yaml's request example.",
    `export const conferenceId = ${JSON.stringify(testCase.conferenceId)};`,
    `export const body = ${JSON.stringify(testCase.body)};`,
    `export const bodyWithoutNick = ${JSON.stringify(testCase.missingNick.body)};`,
    "",
  ].join("\n");
  writeFileSync(join(dir, "spec-example.ts"), source);
}

/**
 * The bundle on a page served from loopback on a port of its own, so every
 * call to the mock is a cross-origin request, with the preflight a browser
 * sends. (A page Chromium does not get from a loopback address may not call
 * one at all: Local Network Access.)
 */
async function inBrowser(dir, testCase) {
  const script = await bundle(dir, "main.js", "esm", ["browser"]);
  const page = {
    "/": ["text/html", '<script type="module" src="/main.js"></script>'],
    "/main.js": ["text/javascript", script],
  };
  const server = createServer((request, response) => {
    const [contentType, body] = page[request.url] ?? ["text/plain", "not found"];
    response.writeHead(page[request.url] ? 200 : 404, { "content-type": contentType }).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => "runEcosystemChecks" in globalThis);
    return await tab.evaluate((value) => globalThis.runEcosystemChecks(value), testCase);
  } finally {
    await browser.close();
    server.close();
  }
}

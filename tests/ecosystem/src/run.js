// pnpm test:ecosystem — the client as users get it: released by the
// project's own release path to a registry on loopback, installed by name into
// one small project per runtime, and checked there against the Prism mock.
// Writes the table of runtime × check into README.md; fails when a check
// fails, unless it fails as a limitation the client README documents.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMock } from "@dingtalk-conference/mock";
import { readCase } from "./case.js";
import { installConsumer } from "./install.js";
import { scope, startRegistry } from "./registry.js";
import { releaseClient } from "./release.js";
import { renderTable, writeTable } from "./report.js";
import { RuntimeUnavailableError, runtimes, writeSpecExample } from "./runtimes.js";
import { failureNothingAwaits, runtimeAtWork, UncaughtFailure } from "./uncaught.js";
import { judge } from "./verdict.js";

const ecosystemRoot = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = join(ecosystemRoot, "..", "..");
/** Consumers installing and running at once: the machine has two cores. */
const concurrency = 2;

const started = performance.now();
const log = (line) => console.log(`ecosystem [${seconds()} s]: ${line}`);
const scratch = mkdtempSync(join(tmpdir(), "dingtalk-ecosystem-"));
// Deno's and Bun's package caches, of this run only: each run publishes the
// same version to a registry on a new port, and either may trust metadata it
// kept from an earlier run on the same port. (npm revalidates what it kept.)
Object.assign(process.env, {
  DENO_DIR: join(scratch, "cache", "deno"),
  BUN_INSTALL_CACHE_DIR: join(scratch, "cache", "bun"),
  // Deno checks the registry's certificate against its own roots; the
  // system's store holds the ones a machine adds (a proxy's, a company's),
  // and turbo passes a task no certificate variable.
  DENO_TLS_CA_STORE: "system,mozilla",
});
/** Rejects on the first failure that nothing awaits, naming the runtime it came from. */
const uncaught = failureNothingAwaits();
let registry;
let mockStarting;
try {
  await Promise.race([ecosystemRun(), uncaught]);
} catch (error) {
  if (error instanceof UncaughtFailure) log(`FAILED ${error.message}`);
  // A failed release or start: what the command printed says why, not its stack.
  else log(`FAILED before the table was written: ${describeFailure(error, 4000)}`);
  process.exitCode = 1;
} finally {
  await mockStarting?.then(
    (mock) => mock.stop(),
    () => undefined,
  );
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
// After an uncaught failure the run's other work may still be going (the
// other runtime, the one that failed), and must not go on to write a table.
process.exit();

async function ecosystemRun() {
  registry = await startRegistry(join(scratch, "registry"));
  log(`registry ${registry.url} (Verdaccio, serving ${scope}/* only)`);
  // Prism starts and the runtimes are probed while the release builds: none
  // needs another. Prism's start competes with the builds for the cores, so
  // it may take its time.
  mockStarting = startMock({ startTimeoutMs: 180_000 });
  // Awaited once the consumers are installed; until then a failure to start waits there.
  mockStarting.catch(() => undefined);
  const probing = probeAll();
  probing.catch(() => undefined);
  const release = await releaseClient({ repoRoot, scratch: join(scratch, "repo"), registry });
  for (const line of release.log) log(line);

  const consumers = join(scratch, "consumers");
  cpSync(join(ecosystemRoot, "shared"), join(consumers, "shared"), { recursive: true });
  const projects = await installProjects({
    unavailable: await probing,
    consumers,
    npmrc: registry.npmrc,
    version: release.version,
  });

  const mock = await mockStarting;
  log(`Prism mock ${mock.url}`);
  const testCase = readCase(mock.url);
  // Once, before either TypeScript row starts: both check the one project.
  const [, typescript] = [...projects].find(([runtime]) => runtime.consumer === "typescript");
  if (typescript.dir !== undefined) writeSpecExample(typescript.dir, testCase);
  const { rows, problems } = judge(await runAll(projects, testCase));

  const table = renderTable(rows, { version: release.version, node: process.versions.node });
  writeTable(join(ecosystemRoot, "README.md"), table);
  console.log(`\n${table}\n`);
  for (const row of rows.filter((candidate) => candidate.unavailable !== undefined)) {
    log(`NOT RUN: ${row.runtime}: ${row.unavailable}`);
  }
  for (const problem of problems) log(`FAILED: ${problem}`);
  log(problems.length === 0 ? "passed" : `FAILED: ${problems.length} problem(s)`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}

/** Per runtime that cannot start here, why; its probe alone decides. */
async function probeAll() {
  const unavailable = new Map();
  await Promise.all(
    runtimes.map((runtime) =>
      runtimeAtWork.run(runtime.name, async () => {
        try {
          await runtime.probe?.();
        } catch (error) {
          if (!(error instanceof RuntimeUnavailableError)) throw error;
          unavailable.set(runtime, error.message);
        }
      }),
    ),
  );
  return unavailable;
}

/**
 * Each consumer project whose runtimes can start here, installed at once (the
 * installs wait on the network more than on the cores). Per runtime: the
 * installed project's folder, or why it has none.
 */
async function installProjects({ unavailable, consumers, npmrc, version }) {
  const outcome = new Map(
    [...unavailable].map(([runtime, reason]) => [runtime, { unavailable: reason }]),
  );
  const consumersToInstall = new Map(
    runtimes
      .filter((runtime) => !outcome.has(runtime))
      .map((runtime) => [runtime.consumer, runtime.installer]),
  );
  const installs = new Map(
    [...consumersToInstall].map(([consumer, installer]) => [
      consumer,
      installConsumer({ consumer, installer, consumers, npmrc, version }).then(
        (installed) => {
          log(`installed ${consumer}: ${installed.log}`);
          return { dir: installed.dir };
        },
        (error) => ({ error: describeFailure(error) }),
      ),
    ]),
  );
  for (const runtime of runtimes) {
    if (!outcome.has(runtime)) outcome.set(runtime, await installs.get(runtime.consumer));
  }
  return outcome;
}

/** Every installed runtime run, `concurrency` at a time; the rows in table order. */
async function runAll(projects, testCase) {
  const rows = new Map();
  const queue = [...projects];
  // A queue drained by a few workers: four lines, where a pool library would be a dependency.
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [runtime, project] = next;
      const row = await runtimeAtWork.run(runtime.name, () => runOne(runtime, project, testCase));
      rows.set(runtime, { runtime: runtime.name, ...row });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return runtimes.map((runtime) => rows.get(runtime));
}

async function runOne(runtime, project, testCase) {
  if (project.dir === undefined) return project;
  const timer = performance.now();
  try {
    return { results: await runtime.run(project.dir, testCase) };
  } catch (error) {
    return { error: describeFailure(error) };
  } finally {
    log(`ran ${runtime.name} in ${seconds(timer)} s`);
  }
}

/** An error's message, with the end of what a failed command printed. */
function describeFailure(error, tail = 600) {
  const output = [error.stderr, error.stdout].filter(Boolean).join("\n").trim().slice(-tail);
  return `${error.message}${output ? `: ${output}` : ""}`;
}

function seconds(since = started) {
  return ((performance.now() - since) / 1000).toFixed(1);
}

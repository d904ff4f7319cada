// The project's own release path, run on a scratch copy of the workspace:
// `pnpm version-packages` (changeset version) bumps the client and writes its
// changelog, then `pnpm release` builds the client, checks the packed package
// (publint, attw) and publishes it to the loopback registry. The work tree is never touched.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const clientManifest = "packages/client/package.json";

/**
 * @param {{ repoRoot: string, scratch: string, registry: { url: string, npmrc: string } }} options
 * @returns {Promise<{ version: string, log: string[] }>} the published version, and what the release said
 */
export async function releaseClient({ repoRoot, scratch, registry }) {
  copyWorkspace(repoRoot, scratch);
  writeFileSync(join(scratch, ".npmrc"), registry.npmrc);
  const env = {
    ...process.env,
    npm_config_registry: registry.url,
    // Builds restore from the work tree's turbo cache (the client's changed
    // package.json rebuilds it) and write nothing back into it.
    TURBO_CACHE_DIR: join(repoRoot, ".turbo", "cache"),
    TURBO_CACHE: "local:r",
    // The copy's node_modules links are the work tree's: pnpm must not
    // "repair" them by installing into the work tree.
    pnpm_config_verify_deps_before_run: "false",
  };
  const before = readVersion(scratch);
  await exec("pnpm", ["run", "version-packages"], { cwd: scratch, env });
  const version = readVersion(scratch);
  const { stdout, stderr } = await exec("pnpm", ["run", "release"], {
    cwd: scratch,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  // What turbo took from the cache, and changeset publish's own account of what it published.
  const published = `${stdout}\n${stderr}`
    .split("\n")
    .filter((line) =>
      /^\s*Cached:|🦋\s+(info Publishing|success|@dingtalk-conference\/client@)/.test(line),
    )
    .map((line) => line.trim());
  return { version, log: [`pnpm version-packages: client ${before} → ${version}`, ...published] };
}

function readVersion(root) {
  return JSON.parse(readFileSync(join(root, clientManifest), "utf8")).version;
}

/**
 * The work tree as a commit of all of it would hold (tracked and new files,
 * not ignored ones), plus each package's node_modules links; the root
 * node_modules, where those links point, is linked rather than copied.
 */
function copyWorkspace(repoRoot, scratch) {
  const files = gitFiles(repoRoot);
  for (const file of files) {
    const source = join(repoRoot, file);
    if (!existsSync(source)) continue; // deleted in the work tree, not yet in git
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(source, join(scratch, file));
  }
  for (const manifest of files.filter((file) => /(^|\/)package\.json$/.test(file))) {
    const modules = join(dirname(manifest), "node_modules");
    if (modules === "node_modules" || !existsSync(join(repoRoot, modules))) continue;
    cpSync(join(repoRoot, modules), join(scratch, modules), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(scratch, "node_modules"));
}

function gitFiles(repoRoot) {
  const listing = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 << 20 },
  );
  return listing.split("\0").filter(Boolean);
}

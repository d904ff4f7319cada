import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { baselineRow, type ResultRow, timesSmaller, verdict } from "./report.js";

/** A package in `pnpm ls --json`: where it is installed, and what it depends on. */
type Tree = { readonly path: string; readonly dependencies?: Record<string, Tree> };

/** pnpm's own tree of a workspace package's prod or dev dependencies, all the way down. */
async function dependenciesOf(workspacePackage: string, kind: "prod" | "dev") {
  const args = ["--filter", workspacePackage, "ls", `--${kind}`, "--depth", "Infinity", "--json"];
  const { stdout } = await promisify(execFile)("pnpm", args, { maxBuffer: 64 * 1024 * 1024 });
  const [root] = JSON.parse(stdout);
  return (kind === "prod" ? root.dependencies : root.devDependencies) as Tree["dependencies"];
}

/** The packages a tree installs below its root, each once. */
function installed(tree: Tree["dependencies"], seen = new Set<string>()): Set<string> {
  for (const dependency of Object.values(tree ?? {})) {
    seen.add(dependency.path);
    installed(dependency.dependencies, seen);
  }
  return seen;
}

/** The client's runtime dependencies (the goal: openapi-fetch alone) against the vendor SDK's. */
export async function measureDependencies(): Promise<ResultRow[]> {
  const client = await dependenciesOf("@dingtalk-conference/client", "prod");
  const benchDevDependencies = await dependenciesOf("@dingtalk-conference/bench", "dev");
  const vendor = installed(benchDevDependencies?.["@alicloud/dingtalk"]?.dependencies).size;
  const direct = Object.keys(client ?? {});
  const all = installed(client).size;
  const measure = "runtime dependencies";
  const vendorSubject = "vendor SDK (@alicloud/dingtalk)";
  return [
    baselineRow(measure, vendorSubject, `${vendor} packages installed`),
    {
      measure,
      subject: "@dingtalk-conference/client",
      measured: `${direct.length} (${direct.join(", ")}) · ${all} packages installed`,
      ratio: timesSmaller(all, vendor),
      against: vendorSubject,
      goal: verdict("1 (openapi-fetch)", direct.join() === "openapi-fetch"),
    },
  ];
}

import { join } from "node:path";
import { benchRoot } from "../bench-root.js";
import { type BundleSize, bundleProgram } from "../bundle.js";
import { findPackageDir, installFootprint } from "../installed-package.js";
import { formatBytes, formatRatio, type ResultRow, verdict } from "../report.js";

/** The "invite one user" programs, each a ratio against the vendor SDK's smallest correct one. */
export const weightPrograms = {
  vendor: { label: "vendor SDK, conference module only", file: "invite-vendor-sdk.cjs" },
  vendorDocumented: {
    label: "vendor SDK, documented import",
    file: "invite-vendor-sdk-documented.cjs",
  },
  client: { label: "@dingtalk-conference/client", file: "invite-client.ts" },
  rawFetch: { label: "raw fetch, no library", file: "invite-raw-fetch.ts" },
} as const;

export const programPath = (file: string): string => join(benchRoot, "programs", file);

/** The target: our client's bundle at least this many times smaller than the vendor's. */
const minimumShrink = 50;

/** Sizes, and for a small bundle where its minified bytes come from (the answer to "why this big"). */
function describeBundle(size: BundleSize): string {
  const sizes = `min ${formatBytes(size.minified)} · gzip ${formatBytes(size.gzip)} · br ${formatBytes(size.brotli)}`;
  if (size.byPackage.length < 2 || size.byPackage.length > 4) return sizes;
  const parts = size.byPackage.map(([name, bytes]) => `${name} ${formatBytes(bytes)}`).join(", ");
  return `${sizes} (min: ${parts})`;
}

/** "÷150" reads as "150 times smaller"; ratios above 1 print as usual. */
const shrinkOrRatio = (own: number, base: number): string =>
  own < base ? `÷${(base / own).toFixed(base / own >= 10 ? 0 : 1)}` : formatRatio(own / base);

/** The smallest of the minified, gzip and brotli shrink factors: the target holds only if all do. */
const leastShrink = (own: BundleSize, vendor: BundleSize): number =>
  Math.min(vendor.minified / own.minified, vendor.gzip / own.gzip, vendor.brotli / own.brotli);

/**
 * The target against both vendor programs: the import its documentation
 * shows (what a user of the SDK ships) and its conference module alone (the
 * least a user could ship with it).
 */
function shrinkTargets(own: BundleSize, sizes: Map<string, BundleSize>): string {
  return (["vendorDocumented", "vendor"] as const)
    .map((key) => {
      const shrink = leastShrink(own, sizes.get(key) as BundleSize);
      const label = weightPrograms[key].label.replace("vendor SDK, ", "");
      return verdict(
        // Rounded down, so a factor just short of the target never prints as reaching it.
        `≥ ${minimumShrink}× smaller than the ${label} (÷${Math.floor(shrink)})`,
        shrink >= minimumShrink,
      );
    })
    .join("; ");
}

export async function measureWeight(): Promise<ResultRow[]> {
  const sizes = new Map<string, BundleSize>();
  for (const [key, program] of Object.entries(weightPrograms)) {
    sizes.set(key, await bundleProgram(programPath(program.file)));
  }
  const vendor = sizes.get("vendor") as BundleSize;
  const rows: ResultRow[] = [];
  for (const [key, program] of Object.entries(weightPrograms)) {
    const own = sizes.get(key) as BundleSize;
    rows.push({
      measure: "weight, invite-one-user bundle",
      subject: program.label,
      measured: describeBundle(own),
      ratio:
        key === "vendor"
          ? "1.00×"
          : (["minified", "gzip", "brotli"] as const)
              .map(
                (kind) =>
                  `${shrinkOrRatio(own[kind], vendor[kind])} ${kind === "minified" ? "min" : kind === "gzip" ? "gzip" : "br"}`,
              )
              .join(" · "),
      against: key === "vendor" ? "itself (baseline)" : weightPrograms.vendor.label,
      target: key === "client" ? shrinkTargets(own, sizes) : undefined,
    });
  }

  const vendorInstall = installFootprint(findPackageDir("@alicloud/dingtalk", benchRoot));
  const clientInstall = installFootprint(findPackageDir("@dingtalk-conference/client", benchRoot));
  const describeInstall = (install: { dependencies: number; bytes: number }): string =>
    `${install.dependencies} runtime dependencies · ${formatBytes(install.bytes)} installed`;
  rows.push(
    {
      measure: "weight, installed",
      subject: "@alicloud/dingtalk",
      measured: describeInstall(vendorInstall),
      ratio: "1.00×",
      against: "itself (baseline)",
    },
    {
      measure: "weight, installed",
      subject: "@dingtalk-conference/client",
      measured: describeInstall(clientInstall),
      ratio: `${shrinkOrRatio(clientInstall.bytes, vendorInstall.bytes)} bytes · ${shrinkOrRatio(Math.max(clientInstall.dependencies, 1), vendorInstall.dependencies)} dependencies`,
      against: "@alicloud/dingtalk",
    },
  );
  return rows;
}

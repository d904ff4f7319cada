import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  readonly code: Uint8Array;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
  /** Minified bytes per package the code came from (the program itself under its own package), largest first. */
  readonly byPackage: ReadonlyArray<readonly [name: string, bytes: number]>;
}

/** The name in the nearest package.json above `file`: whose code a bundle input is. */
function owningPackage(file: string, cache: Map<string, string>): string {
  for (let dir = dirname(file); dirname(dir) !== dir; dir = dirname(dir)) {
    const cached = cache.get(dir);
    if (cached) return cached;
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name) {
        cache.set(dir, name);
        return name;
      }
    }
  }
  return "(unknown)";
}

/**
 * Bundles a program for Node with esbuild, minified, as a deployer would ship
 * it; CommonJS programs stay CommonJS so their require() of builtins works.
 */
export async function bundleProgram(entry: string): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    target: "node20",
    format: entry.endsWith(".cjs") ? "cjs" : "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const code = (result.outputFiles[0] as { contents: Uint8Array }).contents;
  const byPackage = new Map<string, number>();
  const owners = new Map<string, string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = owningPackage(resolve(input), owners);
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return {
    code,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .byteLength,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
  };
}

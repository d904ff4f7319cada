import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleSize {
  readonly code: Uint8Array;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
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
    logLevel: "silent",
  });
  const code = (result.outputFiles[0] as { contents: Uint8Array }).contents;
  return {
    code,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      .byteLength,
  };
}

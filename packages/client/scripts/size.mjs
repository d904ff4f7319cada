#!/usr/bin/env node
// The size budget: what a user's bundler ships for the whole client (the main
// entry with openapi-fetch, minified by esbuild, gzipped) must stay within
// 5 kB. Run after `build`; prints the figures and fails over budget.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const BUDGET_BYTES = 5 * 1024;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

async function minifiedBytes(entry, external) {
  const result = await build({
    entryPoints: [join(packageDir, entry)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external,
    write: false,
  });
  return result.outputFiles[0].contents;
}

const entries = [
  { name: "@dingtalk-conference/client", file: "dist/index.js", budget: BUDGET_BYTES },
  { name: "@dingtalk-conference/client/node", file: "dist/node.js", external: ["node:*"] },
];
let over = false;
for (const { name, file, external, budget } of entries) {
  const bytes = await minifiedBytes(file, external);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  const verdict =
    budget === undefined
      ? ""
      : gzipped <= budget
        ? ` (budget ${budget} B)`
        : ` OVER the ${budget} B budget`;
  over ||= budget !== undefined && gzipped > budget;
  console.log(`${name}: ${bytes.length} B min, ${gzipped} B min+gzip${verdict}`);
}
if (over) process.exitCode = 1;

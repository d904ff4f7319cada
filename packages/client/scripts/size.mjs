#!/usr/bin/env node
// The size budgets, measured the way a user's bundler ships the client:
// esbuild, minified, gzipped. Run after `build`; prints every figure and
// fails when one is over its budget.
//
// - The client's own code (the main entry, with the request schemas generated
//   from the spec inlined, openapi-fetch left out): at most 3.5 kB.
// - The same with openapi-fetch, its one dependency (~2.6 kB of it alone):
//   at most 5.75 kB. Both sit just above today's figures, so neither half
//   can grow unnoticed.
// - The "./node" transport, which only Node users add.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const measurements = [
  {
    name: "client's own code (openapi-fetch external)",
    file: "dist/index.js",
    external: ["openapi-fetch"],
    // +64 B: refusing a token an HTTP header cannot carry before sending (measured +63 B);
    // +16 B: keeping a live token out of a refused token answer (measured +13 B);
    // +128 B: bounding the token's resolution by the attempt, and the provider's refresh by its own timeout (measured +113 B).
    budget: 3.5 * 1024 + 64 + 16 + 128,
  },
  {
    name: "client with openapi-fetch",
    file: "dist/index.js",
    external: [],
    // +64 B: the same token check (measured +58 B); +16 B: the same redaction (measured +14 B);
    // +128 B: the same token timeouts (measured +120 B).
    budget: 5.75 * 1024 + 64 + 16 + 128,
  },
  { name: "./node transport", file: "dist/node.js", external: ["node:*"], budget: 1024 },
];

let over = false;
for (const { name, file, external, budget } of measurements) {
  const result = await build({
    entryPoints: [join(packageDir, file)],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    external,
    write: false,
  });
  const minified = result.outputFiles[0].contents;
  const gzipped = gzipSync(minified, { level: 9 }).length;
  const verdict = gzipped <= budget ? "within" : "OVER";
  over ||= gzipped > budget;
  console.log(`${name}: ${minified.length} B min, ${gzipped} B min+gzip, ${verdict} ${budget} B`);
}
if (over) process.exitCode = 1;

#!/usr/bin/env node
// The size budgets, measured the way a user's bundler ships the client:
// esbuild, minified, gzipped. Run after `build`; prints every figure and
// fails when one is over its budget.
//
// - The client's own code: the main entry, with the request schemas generated
//   from the spec inlined, openapi-fetch left out.
// - The same with openapi-fetch, its one dependency (~2.6 kB of it alone).
// - The "./node" transport, which only Node users add.
//
// Each budget sits just above today's figure, so nothing grows unnoticed:
// raising one is a change of its own, whose commit says what the bytes buy.
// The design's goal for the whole client, 5 kB, is printed beside it.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

const DESIGN_GOAL = 5 * 1024;

const measurements = [
  {
    name: "client's own code (openapi-fetch external)",
    file: "dist/index.js",
    external: ["openapi-fetch"],
    budget: 4000,
  },
  {
    name: "client with openapi-fetch",
    file: "dist/index.js",
    external: [],
    budget: 6304,
    goal: DESIGN_GOAL,
  },
  { name: "./node transport", file: "dist/node.js", external: ["node:*"], budget: 1024 },
];

let over = false;
for (const { name, file, external, budget, goal } of measurements) {
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
  const versusGoal =
    goal === undefined
      ? ""
      : ` (design goal ${goal} B: ${gzipped <= goal ? "met" : `missed by ${gzipped - goal} B`})`;
  console.log(
    `${name}: ${minified.length} B min, ${gzipped} B min+gzip, ${verdict} ${budget} B${versusGoal}`,
  );
}
if (over) process.exitCode = 1;

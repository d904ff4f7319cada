// pnpm run docs: the spec's reference as a static page, rendered by the same
// Scalar configuration as the review page but without a mock or try-it client.
// The page and Scalar's bundle sit side by side in docs-dist/, so the folder
// opens offline from disk or from any static host.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@dingtalk-conference/spec/document";
import { escapeHtml, referenceMarkup, scalarBundlePath, scalarConfiguration } from "./reference.js";

const outDir = fileURLToPath(new URL("../docs-dist/", import.meta.url));

const spec = loadSpec() as Record<string, unknown> & { info?: { title?: string } };
const bundle = basename(scalarBundlePath);
const html = [
  "<!doctype html>",
  `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(spec.info?.title ?? "API reference")}</title></head><body>`,
  referenceMarkup(scalarConfiguration(spec), bundle),
  "</body></html>",
].join("\n");

await mkdir(outDir, { recursive: true });
await Promise.all([
  writeFile(join(outDir, "index.html"), html),
  copyFile(scalarBundlePath, join(outDir, bundle)),
]);
console.log(`Reference written to ${join(outDir, "index.html")}`);

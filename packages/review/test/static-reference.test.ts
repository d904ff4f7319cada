// `pnpm run docs`: the static page holds the spec as Scalar's configuration
// and loads Scalar's bundle from beside it, so it opens offline. The review
// page's browser test renders the same markup (referenceMarkup).
import { execFile } from "node:child_process";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadSpec } from "@dingtalk-conference/spec/document";
import { beforeAll, describe, expect, it } from "vitest";
import { scalarBundlePath } from "../src/reference.js";

const run = promisify(execFile);
const buildDocs = fileURLToPath(new URL("../dist/build-docs.js", import.meta.url));
const docsDir = new URL("../docs-dist/", import.meta.url);

let html: string;
beforeAll(async () => {
  // Built here too, so a run outside turbo's `docs` task checks the current spec.
  await run(process.execPath, [buildDocs]);
  html = await readFile(new URL("index.html", docsDir), "utf8");
});

const configurationOf = (page: string) => {
  const json =
    /<script id="reference-configuration" type="application\/json">(.*?)<\/script>/s.exec(
      page,
    )?.[1];
  return JSON.parse(json ?? "null");
};

describe("the static reference", () => {
  it("holds the spec as written, with its own servers and no try-it console or token", () => {
    const configuration = configurationOf(html);
    expect(configuration.content).toEqual(loadSpec());
    expect(configuration.hideClientButton).toBe(true);
    expect(configuration.hideTestRequestButton).toBe(true);
    expect(configuration.authentication).toBeUndefined();
  });

  it("loads Scalar's bundle from beside it and nothing from another host", async () => {
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual(["standalone.js"]);
    const [copied, original] = await Promise.all([
      stat(new URL("standalone.js", docsDir)),
      stat(scalarBundlePath),
    ]);
    expect(copied.size).toBe(original.size);
    // Outside the spec's own text, the markup names no URL at all.
    const markup = html.replace(/<script id="reference-configuration"[^>]*>.*?<\/script>/s, "");
    expect(markup).not.toMatch(/(https?:)?\/\/[a-z]/i);
    expect(configurationOf(html).withDefaultFonts).toBe(false);
  });
});

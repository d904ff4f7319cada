// The built package (dist/, made by `build`, which turbo runs before `test`):
// what users actually import.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dist = join(import.meta.dirname, "..", "dist");
const read = (file: string) => {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run the build first`);
  return readFileSync(path, "utf8");
};
/** Every module a built file imports or requires. */
const importsOf = (source: string) =>
  [...source.matchAll(/(?:from\s*|require\()\s*"([^"]+)"/g)].map((match) => match[1]);

describe("the built package", () => {
  it("imports nothing at run time but openapi-fetch, and no Node built-ins, in its main entry", () => {
    expect(new Set(importsOf(read("index.js")))).toEqual(new Set(["openapi-fetch"]));
    // The CommonJS build carries openapi-fetch inside (see tsdown.config.ts), and so requires nothing.
    expect(importsOf(read("index.cjs"))).toEqual([]);
  });

  it("depends at run time on openapi-fetch alone, and exports only its main entry", () => {
    const manifest = JSON.parse(readFileSync(join(dist, "..", "package.json"), "utf8"));
    expect(Object.keys(manifest.dependencies)).toEqual(["openapi-fetch"]);
    expect(Object.keys(manifest.exports)).toEqual([".", "./package.json"]);
  });

  it("exports the same names from ESM and CommonJS", async () => {
    const esm = await import(join(dist, "index.js"));
    const cjs = createRequire(import.meta.url)(join(dist, "index.cjs"));
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm)).toContain("createConferenceClient");
  });

  it("makes a working client from CommonJS, openapi-fetch included", () => {
    const cjs = createRequire(import.meta.url)(join(dist, "index.cjs"));
    const client = cjs.createConferenceClient({ accessToken: "t", baseUrl: "http://127.0.0.1:9" });
    expect(typeof client.raw.POST).toBe("function");
    expect(typeof client.inviteUsers).toBe("function");
  });
});

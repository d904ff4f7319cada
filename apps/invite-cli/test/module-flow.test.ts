import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

/**
 * Where a module sits in a run's flow: src/ itself first (what several folders share:
 * batch-failure.ts, errors.ts, plural.ts, …), then its folders in the order a run goes
 * through them. A module imports from its own place or an earlier one, never from one
 * further on.
 */
const flow = ["src/", "input", "journal", "plan", "send", "summary"];

/**
 * The modules of src/ that wire the folders together, outside the flow: the package's
 * entry points (tsdown.config.ts) and main.ts, the run they all start.
 */
const entryPoints = ["cli.ts", "demo.ts", "in-process.ts", "invite-arguments.ts", "main.ts"];

/** The place in the flow of a file or folder of src/. */
function placeOf(path: string): string {
  const [first, ...rest] = relative(src, path).split("/");
  return rest.length === 0 ? "src/" : (first as string);
}

/** The modules of src/ outside the entry points, as paths. */
function flowModules(): string[] {
  return readdirSync(src, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".ts") && !entryPoints.includes(path))
    .map((path) => join(src, path));
}

describe("src/ modules", () => {
  it("import only from their own place in a run's flow or an earlier one", () => {
    const modules = flowModules();
    expect(modules.filter((module) => placeOf(module) === "src/")).not.toEqual([]);
    const backwards: string[] = [];
    for (const module of modules) {
      const position = flow.indexOf(placeOf(module));
      expect(position, module).not.toBe(-1);
      const text = readFileSync(module, "utf8");
      for (const [, specifier] of text.matchAll(/(?:from|import) "(\.{1,2}\/[^"]+)"/g)) {
        const target = placeOf(resolve(dirname(module), specifier as string));
        if (flow.indexOf(target) > position)
          backwards.push(`${relative(src, module)} → ${specifier}`);
      }
    }
    expect(backwards).toEqual([]);
  });

  it("name entry points that exist", () => {
    expect(entryPoints.filter((file) => !existsSync(join(src, file)))).toEqual([]);
  });
});

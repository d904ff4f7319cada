import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src", import.meta.url));

/**
 * The folders of src/ in the order a run goes through them: a module imports from its
 * own folder, from one earlier in the list, or from src/ itself (what they all share),
 * never from one further on.
 */
const flow = ["input", "journal", "plan", "send", "summary"];

describe("src/ folders", () => {
  it("import only from folders earlier in a run's flow", () => {
    const backwards: string[] = [];
    for (const [position, folder] of flow.entries()) {
      for (const file of readdirSync(join(src, folder))) {
        const text = readFileSync(join(src, folder, file), "utf8");
        for (const [, target] of text.matchAll(/from "\.\.\/([\w-]+)\//g)) {
          if (flow.indexOf(target as string) > position)
            backwards.push(`${folder}/${file} → ${target}/`);
        }
      }
    }
    expect(backwards).toEqual([]);
  });
});

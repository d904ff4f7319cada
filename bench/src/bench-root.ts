import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The bench package's directory, found by walking up from this module, so the
 * same code works from src/ (tests) and from the bundled dist/.
 */
export const benchRoot: string = (() => {
  for (
    let dir = dirname(fileURLToPath(import.meta.url));
    dirname(dir) !== dir;
    dir = dirname(dir)
  ) {
    const manifest = join(dir, "package.json");
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, "utf8")).name === "@dingtalk-conference/bench"
    ) {
      return dir;
    }
  }
  throw new Error("cannot find the @dingtalk-conference/bench package directory");
})();

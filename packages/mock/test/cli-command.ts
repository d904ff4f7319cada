import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
/** `pnpm mock`'s script without the pnpm layer, so signals reach the CLI itself. */
export const cliCommand = [process.execPath, join(packageDir, "dist", "cli.js")] as const;

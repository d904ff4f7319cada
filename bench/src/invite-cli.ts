import { join } from "node:path";
import { benchRoot } from "./bench-root.js";
import { findPackageDir, readPackageJson } from "./installed-package.js";

/** The CLI's executable script (its package's `bin`), run with this Node so its memory can be measured. */
export function inviteCliScript(): string {
  const dir = findPackageDir("@dingtalk-conference/invite-cli", benchRoot);
  const { bin } = readPackageJson(dir);
  const script = typeof bin === "string" ? bin : bin && Object.values(bin)[0];
  if (!script) throw new Error("@dingtalk-conference/invite-cli declares no bin");
  return join(dir, script);
}

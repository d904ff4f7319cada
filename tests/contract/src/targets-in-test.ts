import { inject } from "vitest";
import type { ContractTarget } from "./targets.js";

/** The targets the global setup started, for test files (call at collection time). */
export function contractTargets(): {
  mock: ContractTarget;
  provider?: ContractTarget;
  providerSkipReason: string | null;
} {
  const targets = inject("contractTargets");
  const mock = targets.find((target) => target.kind === "mock");
  if (!mock) throw new Error("the global setup started no Prism mock");
  return {
    mock,
    provider: targets.find((target) => target.kind === "provider"),
    providerSkipReason: inject("providerSkipReason"),
  };
}

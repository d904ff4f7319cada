import type { Parameters as FcParameters } from "fast-check";
import type { ContractTarget } from "./targets.js";

/**
 * Runs per property: a few hundred against the mock; a few against a real
 * provider, which has a rate limit and people on the other end.
 * CONTRACT_SEED replays a failure (fast-check prints the seed it used).
 */
export function propertyParameters(target: ContractTarget): FcParameters<unknown> {
  const seed = Number(process.env.CONTRACT_SEED ?? 20_240_611);
  return { numRuns: target.kind === "mock" ? 300 : 25, seed };
}

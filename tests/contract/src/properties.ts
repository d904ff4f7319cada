import type { Parameters as FcParameters } from "fast-check";
import type { ContractTarget } from "./targets.js";

/**
 * Runs per property: fifty against the mock, enough to meet every kind of
 * generated value while the whole suite stays light; a few against a real
 * provider, which has a rate limit and people on the other end.
 * CONTRACT_SEED replays a failure (fast-check prints the seed it used).
 */
export function propertyParameters(target: ContractTarget): FcParameters<unknown> {
  const seed = Number(process.env.CONTRACT_SEED ?? 20_240_611);
  return { numRuns: target.kind === "mock" ? 50 : 25, seed };
}

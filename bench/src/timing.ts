import { Bench, type BenchOptions, type Fn, type Statistics } from "tinybench";

/**
 * Each subject's `statistic` from tinybench, averaged over `rounds` runs of
 * `options.iterations` calls (no time floor) that alternate the subjects'
 * order, so a slow spell of a shared machine (or one subject's garbage) does
 * not fall on one subject alone. A call that throws fails the run, so a
 * subject that stops working cannot look fast.
 */
export async function timeInRounds<Name extends string>(
  subjects: Record<Name, Fn>,
  rounds: number,
  options: Pick<BenchOptions, "iterations" | "warmupIterations" | "now">,
  statistic: (latency: Statistics) => number,
): Promise<Record<Name, number>> {
  const totals = {} as Record<Name, number>;
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: 0, warmupTime: 0, throws: true, ...options });
    const order = Object.entries<Fn>(subjects);
    for (const [name, call] of round % 2 ? order.reverse() : order) bench.add(name, call);
    for (const { name, result } of await bench.run()) {
      if (result.state !== "completed") throw new Error(`${name}: ${result.state}`);
      totals[name as Name] = (totals[name as Name] ?? 0) + statistic(result.latency) / rounds;
    }
  }
  return totals;
}

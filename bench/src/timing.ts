import { Bench, type BenchOptions, type Statistics } from "tinybench";

/**
 * Each subject's `statistic` from tinybench, the median over `rounds` runs of
 * `options.iterations` calls (no time floor) that alternate the subjects'
 * order, so a slow spell of a shared machine (or one subject's garbage) does
 * not fall on one subject alone. A call that throws fails the run, so a
 * subject that stops working cannot look fast.
 */
export async function timeInRounds(
  subjects: Record<string, () => Promise<unknown>>,
  rounds: number,
  options: Pick<BenchOptions, "iterations" | "warmupIterations" | "now">,
  statistic: (latency: Statistics) => number,
): Promise<Map<string, number>> {
  const runs = new Map<string, number[]>();
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: 0, warmupTime: 0, throws: true, ...options });
    const order = Object.entries(subjects);
    // Declared async: to find out, tinybench would call each once more, beside a timed call.
    for (const [name, call] of round % 2 ? order.reverse() : order)
      bench.add(name, call, { async: true });
    for (const { name, result } of await bench.run()) {
      if (result.state !== "completed") throw new Error(`${name}: ${result.state}`);
      runs.set(name, [...(runs.get(name) ?? []), statistic(result.latency)]);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] as number;
  return new Map([...runs].map(([name, values]) => [name, median(values)]));
}

import { Bench, type BenchOptions } from "tinybench";

/**
 * Each subject's mean time per call from tinybench, in the subjects' order: the median (of an
 * even count, the higher middle one) over `rounds` runs of `options.iterations` calls (no time
 * floor) that alternate the subjects' order, so a slow spell of a shared machine (or one
 * subject's garbage) does not fall on one subject alone. A call that throws fails the run.
 */
export async function timeInRounds(
  subjects: Record<string, () => Promise<unknown>>,
  rounds: number,
  options: Pick<BenchOptions, "iterations" | "warmupIterations" | "now">,
): Promise<number[]> {
  const runs = new Map(Object.keys(subjects).map((name) => [name, [] as number[]]));
  for (let round = 0; round < rounds; round += 1) {
    const bench = new Bench({ time: 0, warmupTime: 0, throws: true, ...options });
    const order = Object.entries(subjects);
    // Declared async: to find out, tinybench would call each once more, beside a timed call.
    for (const [name, call] of round % 2 ? order.reverse() : order)
      bench.add(name, call, { async: true });
    for (const { name, result } of await bench.run()) {
      if (result.state !== "completed") throw new Error(`${name}: ${result.state}`);
      runs.get(name)?.push(result.latency.mean);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1] as number;
  return [...runs.values()].map(median);
}

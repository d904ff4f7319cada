import { Bench, type NowFn, type Task } from "tinybench";

/**
 * A tinybench run of exactly `iterations` measured calls per task (no time
 * floor) after `warmupIterations` unmeasured ones, on the clock `now` (by
 * default the wall clock); a call that throws fails the run, so a subject
 * that stops working cannot look fast.
 */
export const fixedBench = (iterations: number, warmupIterations: number, now?: NowFn): Bench =>
  new Bench({ iterations, time: 0, warmupIterations, warmupTime: 0, throws: true, now });

export function statisticsOf(task: Task) {
  if (task.result.state !== "completed") throw new Error(`${task.name}: ${task.result.state}`);
  return task.result.latency;
}

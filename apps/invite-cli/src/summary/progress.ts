import { Presets, SingleBar } from "cli-progress";

export interface Progress {
  advance(people: number): void;
  stop(): void;
}

const silent: Progress = { advance: () => {}, stop: () => {} };

/**
 * A progress bar on stderr for runs of more than one batch, only on a terminal: piped
 * or logged output stays free of control characters.
 */
export function createProgress(options: {
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  total: number;
  batches: number;
  enabled: boolean;
}): Progress {
  const isTty = "isTTY" in options.stream && options.stream.isTTY === true;
  if (!options.enabled || !isTty || options.batches <= 1) return silent;
  const bar = new SingleBar(
    {
      stream: options.stream as NodeJS.WriteStream,
      format: "inviting {bar} {value}/{total} people | {eta_formatted} left",
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(options.total, 0);
  return { advance: (people) => bar.increment(people), stop: () => bar.stop() };
}

#!/usr/bin/env node
import "./memory-flags.js";
import { main } from "./main.js";

// First Ctrl-C: start no new batch, let those in flight finish and reach the journal.
// Second: quit at once (the journal still holds; in-flight batches become ambiguous).
const stop = new AbortController();
process.on("SIGINT", () => {
  if (stop.signal.aborted) process.exit(130);
  stop.abort();
  process.stderr.write(
    "\ndingtalk-invite: stopping after the batches in flight (Ctrl-C again to quit now)\n",
  );
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stop: stop.signal,
});

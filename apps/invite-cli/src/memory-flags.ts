import { setFlagsFromString } from "node:v8";

/*
 * V8 set to favour memory over speed, in this process only. Under Node's defaults a
 * 100,000-person run peaked at 165 MB, and the client's calls alone (1,000, no list) at
 * 125 MB; with these flags at 91 and 76 MB (README, "Long lists"). What each one saves:
 * --no-wasm-dynamic-tiering --no-wasm-tier-up: fetch parses HTTP with llhttp compiled to
 *   WebAssembly, and V8's optimising compile of it on the first responses takes some 29 MB
 *   at once, to parse a few hundred bytes per response faster. Together these keep the code
 *   Liftoff, the compiler every WebAssembly function starts with, gives it; either alone
 *   does not (114 MB);
 * --optimize-for-size: V8's own memory-over-speed mode (the old generation grows in smaller steps);
 * --semi-space-growth-factor=1: the young generation keeps its first size instead of growing
 *   to 32 MB under fetch's per-call garbage.
 * They cost CPU (a sixth more on that run), not rate: at any --rate the CLI mostly waits.
 * Set from code because a bin cannot pass flags to node portably (a shebang carries one
 * argument on Linux, none on Windows); all four exist in Node 20, 22 and 24.
 */
setFlagsFromString(
  "--no-wasm-dynamic-tiering --no-wasm-tier-up --optimize-for-size --semi-space-growth-factor=1",
);

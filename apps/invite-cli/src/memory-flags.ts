import { setFlagsFromString } from "node:v8";

/*
 * Node's V8 defaults suit a long-lived server, not a CLI sending a long list: measured on
 * Node 20 (apps/invite-cli/README.md, "Long lists"), a 100,000-person run peaked at 165 MB
 * of which the CLI's own data is about 15 MB. Each flag trades CPU the run has plenty of:
 * --liftoff-only: fetch parses HTTP with llhttp compiled to WebAssembly, and V8's optimising
 *   compile of it on the first response takes about 28 MB for a moment, to parse a few
 *   hundred bytes per response faster;
 * --optimize-for-size: V8's memory-over-speed mode (the old generation grows in smaller steps);
 * --semi-space-growth-factor=1: the young generation keeps its starting size instead of
 *   growing to 32 MB, as fetch's per-request garbage would make it.
 * Set here, in the process, as a bin cannot pass node flags portably (a shebang carries one
 * argument on Linux, none on Windows); all three exist in Node 20, 22 and 24. The bin
 * imports this module first, before the rest of the program is loaded.
 */
setFlagsFromString("--liftoff-only --optimize-for-size --semi-space-growth-factor=1");

// Child-process entry of the loopback server: the server gets its own process
// (and, on a 2-core machine, its own core), so its work never lands on the
// event loop whose calls are being timed.
import { startLoopbackServer } from "./loopback-server.js";
import type { ServerReply, ServerRequest } from "./server-process.js";

const server = await startLoopbackServer({
  countInvitees: process.argv.includes("--count-invitees"),
});

process.on("message", async (message: ServerRequest) => {
  let reply: ServerReply;
  if (message === "stats") reply = { stats: server.stats() };
  else if (message === "reset") {
    server.reset();
    reply = { ok: true };
  } else {
    await server.close();
    reply = { ok: true };
  }
  process.send?.(reply, () => {
    if (message === "close") process.disconnect();
  });
});
process.send?.({ url: server.url } satisfies ServerReply);

// The stand-in for DingTalk, forked into a process (and on 2 cores, a core) of its own, so its
// work never lands on the process measured: keep-alive node:http on 127.0.0.1 that reads each
// body and answers 200 {"success":true}. Any IPC message gets what it saw so far.
import { createServer } from "node:http";
import { text } from "node:stream/consumers";

const stats = { requests: 0, invitees: 0, firstAt: 0, lastAt: 0 };
const server = createServer(async (request, response) => {
  const { inviteeList = [], phoneInviteeList = [] } = JSON.parse((await text(request)) || "{}");
  stats.lastAt = performance.now();
  stats.firstAt ||= stats.lastAt;
  stats.requests += 1;
  stats.invitees += inviteeList.length + phoneInviteeList.length;
  response.writeHead(200, { "content-type": "application/json" }).end('{"success":true}');
});
// A measure pauses between phases; a short idle timeout would close sockets a
// caller expects to reuse and charge a reconnect to whoever runs next.
server.keepAliveTimeout = 60_000;
process.on("message", () => process.send(stats));
server.listen(0, "127.0.0.1", () => {
  process.send({ url: `http://127.0.0.1:${server.address().port}` });
});

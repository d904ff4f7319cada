// A real npm registry (Verdaccio) on a loopback port, serving our scope only.
// It has no uplink: a consumer gets @dingtalk-conference/* from here through a
// scoped registry line in its .npmrc, and every other package (openapi-fetch)
// from the registry it always uses, so nothing but what the release published
// can answer for the client.
import { join } from "node:path";
import { runServer } from "verdaccio";

export const scope = "@dingtalk-conference";

/**
 * @param {string} storage an empty folder for the registry's packages
 * @returns {Promise<{ url: string, npmrc: string, stop(): Promise<void> }>}
 */
export async function startRegistry(storage) {
  const server = await runServer({
    self_path: storage,
    storage: join(storage, "packages"),
    uplinks: {},
    packages: { [`${scope}/*`]: { access: "$all", publish: "$all" } },
    log: { type: "stdout", format: "pretty", level: "warn" },
    web: { enable: false },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const host = url.slice("http:".length);
  return {
    url,
    // Publishing needs a token to send; the registry lets anyone publish to the scope.
    npmrc: `${scope}:registry=${url}\n${host}:_authToken=ecosystem\n`,
    // The installers keep their connections alive; close would wait them out.
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Cloudflare's workerd, through Miniflare: one module worker, one request.
import { Miniflare } from "miniflare";

/** A module worker with nothing of the client in it: what the probe runs. */
const trivialWorker = "export default { fetch: () => Response.json([]) };";

/**
 * Why workerd cannot start on this machine, or undefined when it runs a
 * trivial worker: the probe of the workerd row, and of the unit test that
 * starts workerd.
 * @returns {Promise<string | undefined>}
 */
export async function workerdUnavailable() {
  try {
    await inWorkerd(trivialWorker, { method: "POST" }, (response) => response.json());
    return undefined;
  } catch (error) {
    return `workerd did not run a trivial worker: ${error.message}`;
  }
}

/**
 * The worker's answer to one request, as `read` makes of it, read whole
 * before workerd stops: the body streams from workerd's process, which
 * dispose() ends.
 * @template T
 * @param {string} script an ES module worker
 * @param {RequestInit} init
 * @param {(response: Response) => Promise<T>} read
 * @returns {Promise<T>}
 */
export async function inWorkerd(script, init, read) {
  const worker = new Miniflare({
    modules: true,
    script,
    compatibilityDate: "2025-09-01",
    // Request.cf from Miniflare's built-in placeholder: by default it fetches
    // one from Cloudflare on every start, and nothing here leaves loopback.
    cf: false,
  });
  try {
    return await read(await worker.dispatchFetch("http://worker.test/", init));
  } finally {
    await worker.dispose();
  }
}

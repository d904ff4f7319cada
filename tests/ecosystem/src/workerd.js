// Cloudflare's workerd, through Miniflare: one module worker, one request.
import { Miniflare } from "miniflare";

/** A module worker with nothing of the client in it: what the workerd probe runs. */
export const trivialWorker = "export default { fetch: () => Response.json([]) };";

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

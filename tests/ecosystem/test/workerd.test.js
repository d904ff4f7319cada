import assert from "node:assert/strict";
import { test } from "node:test";
import { inWorkerd, workerdUnavailable } from "../src/workerd.js";

test("workerd's answer is read whole before workerd stops, however slowly its body streams", async (t) => {
  // The body's parts leave a few milliseconds apart, so stopping workerd as
  // soon as the headers arrive would cut it off (undici: TypeError: terminated).
  const slowBody = `export default {
    fetch: () => new Response(new ReadableStream({
      async start(controller) {
        for (const part of ["[1", ",2", ",3]"]) {
          controller.enqueue(new TextEncoder().encode(part));
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        controller.close();
      },
    })),
  };`;
  const read = (response) => response.json();
  let answer;
  try {
    answer = await inWorkerd(slowBody, { method: "POST" }, read);
  } catch (error) {
    // Where workerd cannot start, test:ecosystem shows its row as not run; so does this
    // test. Probed only on failure: a workerd start is most of this test's cost.
    const unavailable = await workerdUnavailable();
    if (unavailable !== undefined) return t.skip(unavailable);
    throw error;
  }
  assert.deepEqual(answer, [1, 2, 3]);
});

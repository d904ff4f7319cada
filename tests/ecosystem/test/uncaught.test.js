import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { test } from "node:test";
import { promisify } from "node:util";

const exec = promisify(execFile);
const uncaughtModule = new URL("../src/uncaught.js", import.meta.url).href;

/** What a process that awaits failureNothingAwaits() prints once `fail` (its source) runs. */
async function reported(fail) {
  const program = `
    import { failureNothingAwaits, runtimeAtWork } from ${JSON.stringify(uncaughtModule)};
    const uncaught = failureNothingAwaits();
    ${fail}
    await uncaught.catch((error) => console.log(error.name + ": " + error.message));
    console.log("cleaned up");
  `;
  const { stdout } = await exec(process.execPath, ["--input-type=module", "-e", program]);
  return stdout.trim().split("\n");
}

test("an exception thrown where nothing awaits names the runtime whose code threw it", async () => {
  const lines = await reported(`
    runtimeAtWork.run("Workerd", () => {
      setTimeout(() => { throw new TypeError("terminated", { cause: new Error("other side closed") }); }, 1);
    });
  `);
  assert.deepEqual(lines, [
    "UncaughtFailure: in Workerd, uncaught: TypeError: terminated, caused by Error: other side closed",
    "cleaned up",
  ]);
});

test("a rejection nothing handles, outside any runtime, is caught too", async () => {
  const lines = await reported(`Promise.reject(new Error("lost"));`);
  assert.deepEqual(lines, [
    "UncaughtFailure: outside any runtime, uncaught: Error: lost",
    "cleaned up",
  ]);
});

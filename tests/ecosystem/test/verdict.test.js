import assert from "node:assert/strict";
import { test } from "node:test";
import { judge } from "../src/verdict.js";

const limitation = {
  runtime: "Edge",
  check: "aborted mid-flight",
  failsWith: /TypeError: AbortSignal\.any is not a function$/,
  documented: "in the README",
};
const asDocumented =
  "Error: wanted an AbortError, got TypeError: AbortSignal.any is not a function";
const row = (runtime, ok, detail) => ({
  runtime,
  results: [
    { check: "request example", ok: true, detail: "success: true" },
    { check: "aborted mid-flight", ok, detail },
  ],
});

test("a run whose checks all pass has no problem, and its rows gain no note", () => {
  const rows = [row("Node", true, "AbortError"), { runtime: "Absent", unavailable: "no binary" }];
  assert.deepEqual(judge(rows, []), { rows, problems: [] });
});

test("a failure nobody documented fails the run, naming runtime, check and detail", () => {
  const { problems } = judge([row("Node", false, "TypeError: boom")], []);
  assert.deepEqual(problems, ["Node: aborted mid-flight: TypeError: boom"]);
});

test("a documented limitation that fails as documented passes, and the table notes it", () => {
  const { rows, problems } = judge([row("Edge", false, asDocumented)], [limitation]);
  assert.deepEqual(problems, []);
  assert.equal(rows[0].results[1].ok, false);
  assert.equal(rows[0].results[1].note, "documented in the README");
  assert.equal(rows[0].results[0].note, undefined);
});

test("a documented limitation that no longer fails fails the run: the README must change", () => {
  const { rows, problems } = judge([row("Edge", true, "AbortError")], [limitation]);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /^Edge: aborted mid-flight passed, though documented to fail \(in the README\)/,
  );
  assert.match(rows[0].results[1].note, /^passed, though documented to fail/);
});

test("a documented limitation that fails for another reason fails the run", () => {
  const { rows, problems } = judge([row("Edge", false, "TypeError: fetch failed")], [limitation]);
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /^Edge: aborted mid-flight: TypeError: fetch failed \(documented to fail with /,
  );
  assert.equal(rows[0].results[1].note, undefined);
});

test("a consumer that failed before reporting any check fails the run", () => {
  const { problems } = judge([{ runtime: "Deno", error: "exit 1" }], []);
  assert.deepEqual(problems, ["Deno: exit 1"]);
});

test("a documented limitation for a runtime or check the run lacks fails the run", () => {
  const renamed = { ...limitation, runtime: "Edge 5" };
  const noSuchCheck = { ...limitation, check: "aborted twice" };
  const { problems } = judge(
    [row("Edge", false, asDocumented), { runtime: "Absent", unavailable: "no binary" }],
    [limitation, renamed, noSuchCheck, { ...limitation, runtime: "Absent" }],
  );
  assert.deepEqual(problems, [
    "src/documented-limitations.js names Edge 5: aborted mid-flight, which the run has no row or check for",
    "src/documented-limitations.js names Edge: aborted twice, which the run has no row or check for",
  ]);
});

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { checkNames } from "../shared/checks.mjs";
import { renderTable, writeTable } from "../src/report.js";

const run = { version: "1.2.3", node: "20.20.2" };
const passed = (check) => ({ check, ok: true, detail: "fine" });

test("a table row per runtime: ✅ and ✗ per check, not run, and each failure once in the notes", () => {
  const [first, second, ...others] = checkNames;
  const table = renderTable(
    [
      { runtime: "Everything passes", results: checkNames.map(passed) },
      {
        runtime: "Two fail | alike",
        results: [
          { check: first, ok: false, detail: "TypeError: x\nat line 1" },
          { check: second, ok: false, detail: "TypeError: x\nat line 1" },
          ...others.map(passed),
        ],
      },
      { runtime: "Absent", unavailable: "no binary" },
      { runtime: "Broken", error: "exit 1: oops" },
    ],
    run,
  );
  const [intro, blank, header, rule, ...rows] = table.split("\n");
  assert.equal(
    intro,
    "@dingtalk-conference/client 1.2.3, published to the loopback registry and installed by name; Node 20.20.2.",
  );
  assert.equal(blank, "");
  assert.deepEqual(cells(header), [
    "runtime",
    ...checkNames.map((check) => `\`${check}\``),
    "notes",
  ]);
  assert.match(rule, /^\| -+ (\| -+ )+\|$/);
  assert.deepEqual(cells(rows[0]), ["Everything passes", ...checkNames.map(() => "✅"), ""]);
  assert.deepEqual(cells(rows[1]), [
    "Two fail \\| alike",
    "✗",
    "✗",
    ...others.map(() => "✅"),
    `${first}, ${second}: TypeError: x at line 1`,
  ]);
  assert.deepEqual(cells(rows[2]), ["Absent", ...checkNames.map(() => "not run"), "no binary"]);
  assert.deepEqual(cells(rows[3]), ["Broken", ...checkNames.map(() => "✗"), "exit 1: oops"]);
  // Aligned as Biome lays a table out, an emoji counting two columns.
  const widths = [header, rule, ...rows].map(
    (line) => line.length + (line.match(/✅/g)?.length ?? 0),
  );
  assert.equal(new Set(widths).size, 1, table);
});

test("a verdict's note stands beside the check's failure, or alone for a check that passed", () => {
  const [first, second, ...others] = checkNames;
  const table = renderTable(
    [
      {
        runtime: "Documented",
        results: [
          { check: first, ok: false, detail: "TypeError: no any", note: "documented: it fails" },
          { check: second, ok: true, detail: "fine", note: "passed, though documented to fail" },
          ...others.map(passed),
        ],
      },
    ],
    run,
  );
  const notes = cells(table.split("\n").at(-1)).at(-1);
  assert.equal(
    notes,
    `${first}: TypeError: no any (documented: it fails); ${second}: passed, though documented to fail`,
  );
});

test("writeTable replaces what stands between the markers, and only that", (t) => {
  const readme = scratchReadme(t);
  const markers = readFileSync(new URL("../README.md", import.meta.url), "utf8").match(
    /(<!-- ecosystem-table:begin[^\n]*-->)[\s\S]*(<!-- ecosystem-table:end -->)/,
  );
  assert.ok(markers, "the package README has both markers");
  writeFileSync(readme, `# Title\n\n${markers[1]}\nold table\n${markers[2]}\n\nAfter.\n`);
  writeTable(readme, "new table");
  assert.equal(
    readFileSync(readme, "utf8"),
    `# Title\n\n${markers[1]}\nnew table\n${markers[2]}\n\nAfter.\n`,
  );
});

test("writeTable refuses a README without the markers, and leaves it as it was", (t) => {
  const readme = scratchReadme(t);
  writeFileSync(readme, "# Title\n");
  assert.throws(() => writeTable(readme, "table"), /lacks the table markers/);
  assert.equal(readFileSync(readme, "utf8"), "# Title\n");
});

/** A README.md path in a folder of its own, removed when the test `t` ends. */
function scratchReadme(t) {
  const dir = mkdtempSync(join(tmpdir(), "ecosystem-report-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "README.md");
}

/** A Markdown table line's cells, trimmed; an escaped pipe stays in its cell. */
function cells(line) {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { csvHeader, writePeopleCsv } from "../src/people-csv.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "bench-csv-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("writePeopleCsv", () => {
  it("writes the CLI's header and one distinct DingTalk user per line", async () => {
    const file = join(dir, "people.csv");
    await writePeopleCsv(file, 1500);
    const [header, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
    expect(header).toBe(csvHeader);
    expect(lines).toHaveLength(1500);
    const unionIds = lines.map((line) => line.split(",")[0]);
    expect(new Set(unionIds).size).toBe(1500);
    expect(lines[7]).toBe("benchUnionId0000007,,Invitee 7");
  });
});

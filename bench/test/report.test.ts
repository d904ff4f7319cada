import { describe, expect, it } from "vitest";
import {
  describeMachine,
  formatBytes,
  formatMs,
  formatRatio,
  renderTable,
  timesSmaller,
  verdict,
} from "../src/report.js";

describe("formatting", () => {
  it("prints times in the unit a reader expects", () => {
    expect(formatMs(0.5283)).toBe("528 µs");
    expect(formatMs(9.578)).toBe("9.58 ms");
    expect(formatMs(18.2)).toBe("18.2 ms");
    expect(formatMs(3108)).toBe("3.11 s");
    expect(formatMs(12_345)).toBe("12.3 s");
    // Rounding to three digits crosses into the next unit: no "1.00e+3 ms".
    expect(formatMs(999.6)).toBe("1.00 s");
    expect(formatMs(0.9996)).toBe("1.00 ms");
    expect(formatMs(1_234_567)).toBe("1230 s");
  });

  it("prints sizes in decimal units, as size-limit does", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(6500)).toBe("6.5 kB");
    expect(formatBytes(99_600_000)).toBe("99.6 MB");
  });

  it("prints ratios to three digits, and shrink factors rounded down", () => {
    expect(formatRatio(1.1)).toBe("1.10×");
    expect(formatRatio(1.0437)).toBe("1.04×");
    expect(formatRatio(12.34)).toBe("12.3×");
    expect(formatRatio(456.7)).toBe("457×");
    expect(formatRatio(999.6)).toBe("1000×");
    expect(timesSmaller(6000, 599_999)).toBe("÷99");
  });

  it("says whether a goal was met", () => {
    expect(verdict("≤ 1.10× raw fetch", true)).toBe("≤ 1.10× raw fetch — met");
    expect(verdict("≤ 1.10× raw fetch", false)).toBe("≤ 1.10× raw fetch — **missed**");
  });
});

describe("renderTable", () => {
  it("renders one padded Markdown row per result and escapes pipes", () => {
    const table = renderTable([
      { measure: "call", subject: "a|b", measured: "1 ms", ratio: "1.00×", against: "itself" },
      {
        measure: "call",
        subject: "c",
        measured: "2 ms",
        ratio: "2.00×",
        against: "a",
        goal: "≤ 3× — met",
      },
    ]);
    expect(table.split("\n")).toEqual([
      "| Measure | Subject | Measured | Ratio | Against | Goal       |",
      "| ------- | ------- | -------- | ----- | ------- | ---------- |",
      "| call    | a\\|b    | 1 ms     | 1.00× | itself  |            |",
      "| call    | c       | 2 ms     | 2.00× | a       | ≤ 3× — met |",
      "",
    ]);
  });
});

describe("describeMachine", () => {
  it("names the CPU, cores, memory, Node version and date", () => {
    const line = describeMachine(new Date("2025-01-02T03:04:05Z"));
    expect(line).toMatch(/^.+, \d+ cores, \d+ GiB memory; Node v\d+\.\d+\.\d+; 2025-01-02$/);
  });
});

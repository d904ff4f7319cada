import { describe, expect, it } from "vitest";
import {
  SUMMARY_END,
  SUMMARY_START,
  SummaryMarkersError,
  withSummary,
} from "../src/readme-summary.js";

const readme = (inside: string) =>
  `# Title\n\n## Performance\n\n${SUMMARY_START}\n${inside}\n${SUMMARY_END}\n\n## Next\n`;

describe("withSummary", () => {
  it("replaces what is between the markers and keeps the rest as it was", () => {
    const updated = withSummary(readme("| old | table |"), "| new | table |\n", "README.md");
    expect(updated).toBe(readme("\n| new | table |\n"));
    // Running it again changes nothing more.
    expect(withSummary(updated, "| new | table |", "README.md")).toBe(updated);
  });

  it("refuses a README without the markers, naming it and the lines it needs", () => {
    const attempt = () => withSummary("# Title\n", "| t |", "README.md");
    expect(attempt).toThrow(SummaryMarkersError);
    expect(attempt).toThrow(/^README\.md needs the lines <!-- bench summary/);
  });

  it("refuses markers in the wrong order", () => {
    const swapped = `${SUMMARY_END}\n${SUMMARY_START}\n`;
    expect(() => withSummary(swapped, "| t |", "README.md")).toThrow(SummaryMarkersError);
  });
});

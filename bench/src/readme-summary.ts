// The root README's "Performance" section shows the rows that have a target,
// from the latest full run. `pnpm bench` rewrites the part between these
// markers, so the README can never show figures older than RESULTS.md.

export const SUMMARY_START =
  "<!-- bench summary: written by `pnpm bench` from bench/RESULTS.md; do not edit by hand -->";
export const SUMMARY_END = "<!-- end of bench summary -->";

/** The README lacks the markers (or has them out of order), so there is nowhere to put the summary. */
export class SummaryMarkersError extends Error {
  override readonly name = "SummaryMarkersError";
}

/** `readme` with everything between the markers replaced by `summary`. */
export function withSummary(readme: string, summary: string, readmeName: string): string {
  const start = readme.indexOf(SUMMARY_START);
  const end = readme.indexOf(SUMMARY_END);
  if (start === -1 || end < start) {
    throw new SummaryMarkersError(
      `${readmeName} needs the lines ${SUMMARY_START} and ${SUMMARY_END}, in that order, where the bench summary goes`,
    );
  }
  return `${readme.slice(0, start + SUMMARY_START.length)}\n\n${summary.trim()}\n\n${readme.slice(end)}`;
}

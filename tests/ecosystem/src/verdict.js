// Whether a run passed: every check of every runtime that ran, held against
// the limitations the client's README documents.
import { documentedLimitations } from "./documented-limitations.js";

/**
 * @typedef {import("./report.js").Row} Row
 * @param {Row[]} rows
 * @param {import("./documented-limitations.js").DocumentedLimitation[]} [limitations]
 * @returns {{ rows: Row[], problems: string[] }} the rows, a documented
 *   limitation's result carrying a `note` for the table; and one line per
 *   reason the run fails (none: it passed)
 */
export function judge(rows, limitations = documentedLimitations) {
  const problems = [];
  const judged = rows.map((row) => {
    if (row.error !== undefined) problems.push(`${row.runtime}: ${row.error}`);
    if (row.results === undefined) return row;
    const results = row.results.map((result) => {
      const where = `${row.runtime}: ${result.check}`;
      const limitation = limitations.find(
        (candidate) => candidate.runtime === row.runtime && candidate.check === result.check,
      );
      if (limitation === undefined) {
        if (!result.ok) problems.push(`${where}: ${result.detail}`);
        return result;
      }
      if (result.ok) {
        problems.push(
          `${where} passed, though documented to fail (${limitation.documented}): correct the client README and src/documented-limitations.js`,
        );
        return { ...result, note: `passed, though documented to fail (${limitation.documented})` };
      }
      if (!limitation.failsWith.test(result.detail)) {
        problems.push(
          `${where}: ${result.detail} (documented to fail with ${limitation.failsWith})`,
        );
        return result;
      }
      return { ...result, note: `documented ${limitation.documented}` };
    });
    return { ...row, results };
  });
  for (const { runtime, check } of limitations) {
    const row = rows.find((candidate) => candidate.runtime === runtime);
    if (row === undefined || row.results?.every((result) => result.check !== check)) {
      problems.push(
        `src/documented-limitations.js names ${runtime}: ${check}, which the run has no row or check for`,
      );
    }
  }
  return { rows: judged, problems };
}
